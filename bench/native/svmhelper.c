/*
 * The C helpers a native image built by the svm 25.0.x builder calls, written for markata-java's
 * native-image spike (bench/native/README). A GraalVM distribution ships them compiled, in
 * lib/svm/clibraries; Maven Central's svm jars do not, so this file provides the ones a
 * markata image links against, each with the behaviour the builder's Java side expects (read
 * from the svm jar's declarations: names, argument types, return codes).
 */
#define _GNU_SOURCE
#include <cpuid.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <jni.h>
#include <locale.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "amd64cpufeatures.h"
#include "svm_locale.h"

/* ---- CPU features: what the image checks at start against the features it was compiled for ---- */

static uint64_t xcr0(void) {
  uint32_t lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((uint64_t) hi << 32) | lo;
}

#define BIT(reg, n) (((reg) >> (n)) & 1u)

void determineCPUFeatures(CPUFeatures *f) {
  memset(f, 0, sizeof(*f));
  unsigned a, b, c, d, max = __get_cpuid_max(0, NULL);
  if (max < 1) return;
  __cpuid(1, a, b, c, d);
  f->fTSC = BIT(d, 4); f->fCX8 = BIT(d, 8); f->fCMOV = BIT(d, 15); f->fFLUSH = BIT(d, 19);
  f->fMMX = BIT(d, 23); f->fFXSR = BIT(d, 24); f->fSSE = BIT(d, 25); f->fSSE2 = BIT(d, 26); f->fHT = BIT(d, 28);
  f->fSSE3 = BIT(c, 0); f->fCLMUL = BIT(c, 1); f->fSSSE3 = BIT(c, 9); f->fSSE4_1 = BIT(c, 19);
  f->fSSE4_2 = BIT(c, 20); f->fPOPCNT = BIT(c, 23); f->fAES = BIT(c, 25); f->fHV = BIT(c, 31);
  /* AVX state is usable only when the OS saves the YMM (and for AVX-512 the ZMM/opmask) registers. */
  int osxsave = BIT(c, 27);
  uint64_t xcr = osxsave ? xcr0() : 0;
  int avx_os = osxsave && (xcr & 0x6) == 0x6;
  int avx512_os = avx_os && (xcr & 0xe0) == 0xe0;
  if (avx_os && BIT(c, 28)) {
    f->fAVX = 1; f->fVZEROUPPER = 1;
    f->fFMA = BIT(c, 12); f->fF16C = BIT(c, 29);
  }
  if (max >= 7) {
    unsigned a7, b7, c7, d7;
    __cpuid_count(7, 0, a7, b7, c7, d7);
    f->fBMI1 = BIT(b7, 3); f->fBMI2 = BIT(b7, 8); f->fERMS = BIT(b7, 9); f->fRTM = BIT(b7, 11);
    f->fADX = BIT(b7, 19); f->fFLUSHOPT = BIT(b7, 23); f->fCLWB = BIT(b7, 24); f->fSHA = BIT(b7, 29);
    f->fPKU = BIT(c7, 3); f->fOSPKE = BIT(c7, 4); f->fCET_SS = BIT(c7, 7); f->fGFNI = BIT(c7, 8);
    f->fRDPID = BIT(c7, 22); f->fFSRM = BIT(d7, 4); f->fSERIALIZE = BIT(d7, 14); f->fCET_IBT = BIT(d7, 20);
    if (f->fAVX) {
      f->fAVX2 = BIT(b7, 5);
      if (a7 >= 1) {
        unsigned a71, b71, c71, d71;
        __cpuid_count(7, 1, a71, b71, c71, d71);
        f->fAVX_IFMA = BIT(a71, 23); f->fSHA512 = BIT(a71, 0);
      }
    }
    if (avx512_os && BIT(b7, 16)) {
      f->fAVX512F = 1;
      f->fAVX512DQ = BIT(b7, 17); f->fAVX512_IFMA = BIT(b7, 21); f->fAVX512PF = BIT(b7, 26);
      f->fAVX512ER = BIT(b7, 27); f->fAVX512CD = BIT(b7, 28); f->fAVX512BW = BIT(b7, 30); f->fAVX512VL = BIT(b7, 31);
      f->fAVX512_VBMI = BIT(c7, 1); f->fAVX512_VBMI2 = BIT(c7, 6); f->fAVX512_VAES = BIT(c7, 9);
      f->fAVX512_VPCLMULQDQ = BIT(c7, 10); f->fAVX512_VNNI = BIT(c7, 11); f->fAVX512_BITALG = BIT(c7, 12);
      f->fAVX512_VPOPCNTDQ = BIT(c7, 14); f->fAVX512_FP16 = BIT(d7, 23);
    }
  }
  unsigned maxext = __get_cpuid_max(0x80000000, NULL);
  if (maxext >= 0x80000001) {
    __cpuid(0x80000001, a, b, c, d);
    f->fLZCNT = BIT(c, 5); f->fSSE4A = BIT(c, 6); f->fAMD_3DNOW_PREFETCH = BIT(c, 8); f->fRDTSCP = BIT(d, 27);
  }
  if (maxext >= 0x80000007) {
    __cpuid(0x80000007, a, b, c, d);
    f->fTSCINV_BIT = BIT(d, 8); f->fTSCINV = BIT(d, 8);
  }
}

/*
 * 0 when every feature the image was compiled for is present. The image passes one mask byte per
 * feature: 0xFE for a feature it needs, 0xFF for one it does not (seen in a built image), so a
 * byte ORed with this machine's 0/1 flag is 0xFF exactly when the feature is there or not needed.
 */
int checkCPUFeatures(const uint8_t *buildtime) {
  CPUFeatures now;
  determineCPUFeatures(&now);
  const uint8_t *have = (const uint8_t *) &now;
  for (size_t i = 0; i < sizeof(CPUFeatures); i++) {
    if ((uint8_t) (buildtime[i] | have[i]) != 0xFF) return -1;
  }
  return 0;
}

int checkCPUFeaturesOrExit(const uint8_t *buildtime, const char *message) {
  if (checkCPUFeatures(buildtime) != 0) {
    fputs(message, stderr);
    fflush(stderr);
    exit(1);
  }
  return 0;
}

/* ---- jdk.internal.misc.Signal support: a counting handler (async-signal-safe) and a semaphore ---- */

static volatile int signal_open;
static volatile long signal_counts[NSIG];
static sem_t signal_sem;

int cSunMiscSignal_signalRangeCheck(int sig) { return sig > 0 && sig < NSIG; }

int cSunMiscSignal_open(void) {
  if (__sync_val_compare_and_swap(&signal_open, 0, 1) != 0) { errno = EBUSY; return -1; }
  for (int i = 0; i < NSIG; i++) signal_counts[i] = 0;
  if (sem_init(&signal_sem, 0, 0) != 0) { signal_open = 0; return -1; }
  return 0;
}

int cSunMiscSignal_close(void) {
  if (signal_open && sem_destroy(&signal_sem) != 0) return -1;
  signal_open = 0;
  return 0;
}

int cSunMiscSignal_awaitSemaphore(void) {
  if (!signal_open) { errno = EINVAL; return -1; }
  int r = sem_wait(&signal_sem);
  return (r != 0 && errno == EINTR) ? 0 : r;
}

int cSunMiscSignal_signalSemaphore(void) {
  if (!signal_open) { errno = EINVAL; return -1; }
  return sem_post(&signal_sem);
}

/* The number of a signal that arrived and was not yet handed out (its count goes down by one), or -1. */
int cSunMiscSignal_checkPendingSignal(void) {
  for (int sig = 1; sig < NSIG; sig++) {
    long n;
    while ((n = signal_counts[sig]) > 0) {
      if (__sync_bool_compare_and_swap(&signal_counts[sig], n, n - 1)) return sig;
    }
  }
  return -1;
}

static void counting_handler(int sig) {
  int saved = errno;
  if (cSunMiscSignal_signalRangeCheck(sig)) {
    __sync_fetch_and_add(&signal_counts[sig], 1);
    if (signal_open) sem_post(&signal_sem);
  }
  errno = saved;
}

void *cSunMiscSignal_signalHandlerFunctionPointer(void) { return (void *) counting_handler; }

/* ---- libc calls the image cannot make directly (varargs or macros) ---- */

pid_t getThreadId(void) { return (pid_t) syscall(SYS_gettid); }
int openSII(const char *path, int flags, int mode) { return open(path, flags, mode); }
void *mremapP(void *old, size_t old_size, size_t new_size, int flags, void *new_addr) {
  return mremap(old, old_size, new_size, flags, new_addr);
}
int fprintfSD(FILE *f, const char *format, const char *s, int d) { return fprintf(f, format, s, d); }

/* ---- containers: this image reports "not in a container" and the machine's own figures ---- */

int svm_container_initialize(int version) { (void) version; return 0; /* SUCCESS_IS_NOT_CONTAINERIZED */ }
uint64_t svm_container_physical_memory(void) {
  return (uint64_t) sysconf(_SC_PHYS_PAGES) * (uint64_t) sysconf(_SC_PAGESIZE);
}
int svm_container_active_processor_count(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return CPU_COUNT(&set);
  return (int) sysconf(_SC_NPROCESSORS_ONLN);
}

/* ---- locale: language and country from the environment, as the JDK reads them on Linux ---- */

static svm_locale_props_t locale_props;

/* Splits "ll_CC.charset@variant"; "C" and "POSIX" (with any charset) are English, no country (what the JVM reports). */
static void parse_locale(const char *value, char **language, char **country, char **variant) {
  *language = *country = *variant = NULL;
  if (value == NULL || *value == 0) value = "C";
  char *copy = strdup(value);
  if (copy == NULL) return;
  char *at = strchr(copy, '@');
  if (at) { *at = 0; *variant = strdup(at + 1); }
  char *dot = strchr(copy, '.');
  if (dot) *dot = 0;
  if (strcmp(copy, "C") == 0 || strcmp(copy, "POSIX") == 0) {
    *language = strdup("en");
  } else {
    char *underscore = strchr(copy, '_');
    if (underscore) { *underscore = 0; *country = strdup(underscore + 1); }
    *language = strdup(copy);
  }
  free(copy);
}

static const char *locale_env(const char *category) {
  const char *v = getenv("LC_ALL");
  if (v == NULL || *v == 0) v = getenv(category);
  if (v == NULL || *v == 0) v = getenv("LANG");
  return v;
}

int svm_initialize_locale(void) {
  char *l, *c, *v;
  parse_locale(locale_env("LC_CTYPE"), &l, &c, &v);
  locale_props.format_language = l; locale_props.format_country = c; locale_props.format_variant = v;
  parse_locale(locale_env("LC_MESSAGES"), &l, &c, &v);
  locale_props.display_language = l; locale_props.display_country = c; locale_props.display_variant = v;
  return locale_props.format_language == NULL ? SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY : SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

svm_locale_props_t *svm_get_locale(void) { return &locale_props; }

/* ---- time zone: TZ, then /etc/timezone, then the /etc/localtime link (the JDK's order on Linux) ---- */

char *SVM_FindJavaTZmd(const char *java_home, int length) {
  (void) java_home; (void) length;
  const char *tz = getenv("TZ");
  if (tz != NULL && *tz == ':') tz++;
  if (tz != NULL && *tz != 0) return strdup(tz);
  char buf[4096];
  FILE *f = fopen("/etc/timezone", "r");
  if (f != NULL) {
    char *line = fgets(buf, sizeof(buf), f);
    fclose(f);
    if (line != NULL) {
      line[strcspn(line, " \t\n")] = 0;
      if (*line) return strdup(line);
    }
  }
  ssize_t n = readlink("/etc/localtime", buf, sizeof(buf) - 1);
  if (n > 0) {
    buf[n] = 0;
    char *zone = strstr(buf, "zoneinfo/");
    if (zone) return strdup(zone + strlen("zoneinfo/"));
  }
  return NULL;
}

/* ---- the JDK's own libraries are the JDK's shared ones here, so each JNI_OnLoad_<lib> calls that library's JNI_OnLoad ---- */

static jint onload(const char *soname, JavaVM *vm, void *reserved) {
  void *lib = dlopen(soname, RTLD_LAZY | RTLD_NOLOAD);
  if (lib == NULL) { fprintf(stderr, "native markata: %s is not loaded: %s\n", soname, dlerror()); return JNI_ERR; }
  jint (*fn)(JavaVM *, void *) = (jint (*)(JavaVM *, void *)) dlsym(lib, "JNI_OnLoad");
  jint version = fn == NULL ? JNI_VERSION_1_8 : fn(vm, reserved);
  /* A built-in (statically linked) library must answer 1.8 or later; the shared ones answer 1.2. */
  return (version > 0 && version < JNI_VERSION_1_8) ? JNI_VERSION_1_8 : version;
}
JNIEXPORT jint JNICALL JNI_OnLoad_java(JavaVM *vm, void *r) { return onload("libjava.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_net(JavaVM *vm, void *r) { return onload("libnet.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_nio(JavaVM *vm, void *r) { return onload("libnio.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_zip(JavaVM *vm, void *r) { return onload("libzip.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_extnet(JavaVM *vm, void *r) { return onload("libextnet.so", vm, r); }

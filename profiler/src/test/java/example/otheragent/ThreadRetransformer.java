package example.otheragent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * Another Java agent, as APM agents and BlockHound are: it registers a retransformation-capable
 * transformer and retransforms the loaded {@code java.lang.Thread}. Its transformer changes
 * nothing: a retransformation alone starts again from the JDK's class file and applies to it
 * only the retransformation-capable transformers registered at that time. Says on standard
 * error when it has retransformed.
 */
public final class ThreadRetransformer {

    private ThreadRetransformer() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) throws Exception {
        ClassFileTransformer mine = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classFile) {
                return null;
            }
        };
        instrumentation.addTransformer(mine, true);
        instrumentation.retransformClasses(Thread.class);
        System.err.println("other agent: retransformed java.lang.Thread");
    }
}

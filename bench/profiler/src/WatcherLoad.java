import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A program for bench/profiler/watcher.py to run under the agent: for SECONDS seconds, with
 * PARKED threads parked the whole time (a server's idle pool), either idle (main sleeps) or busy
 * (BUSY threads spinning). Usage: java WatcherLoad.java idle|busy SECONDS PARKED BUSY
 */
public final class WatcherLoad {

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        boolean busy = args[0].equals("busy");
        long seconds = Long.parseLong(args[1]);
        int parked = Integer.parseInt(args[2]);
        int spinners = Integer.parseInt(args[3]);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < parked; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    LockSupport.parkNanos(end - System.nanoTime());
                }
            }, "parked-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; busy && i < spinners; i++) {
            Thread thread = new Thread(() -> {
                long x = 0;
                while (System.nanoTime() < end) {
                    x = x * 31 + 7;
                }
                sink += x;
            }, "spinner-" + i);
            thread.start();
            threads.add(thread);
        }
        System.out.println("ready");
        while (System.nanoTime() < end) {
            Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}

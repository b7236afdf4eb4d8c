package dev.markata.profiler.process;

import org.junit.jupiter.api.Test;

import java.util.PriorityQueue;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EndHeapTest {

    @Test
    void alwaysOffersTheEarliestEndLikeAPriorityQueue() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            TreeBuilder.EndHeap heap = new TreeBuilder.EndHeap();
            PriorityQueue<Long> queue = new PriorityQueue<>();
            for (int step = 0; step < 300; step++) {
                if (queue.isEmpty() || random.nextInt(3) > 0) {
                    long end = random.nextInt(1000);
                    heap.add(end, (int) end * 2, (int) end * 3); // origin and task tell which entry is on top
                    queue.add(end);
                } else {
                    heap.poll();
                    queue.poll();
                }
                assertThat(heap.isEmpty()).isEqualTo(queue.isEmpty());
                if (!queue.isEmpty()) {
                    assertThat(heap.minEnd()).isEqualTo(queue.peek());
                    assertThat(heap.minOrigin()).isEqualTo((int) (long) queue.peek() * 2);
                    assertThat(heap.minTask()).isEqualTo((int) (long) queue.peek() * 3);
                }
            }
            heap.clear();
            assertThat(heap.isEmpty()).isTrue();
        }
    }
}

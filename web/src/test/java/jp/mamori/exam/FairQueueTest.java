package jp.mamori.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;

class FairQueueTest {

    @Test
    void no_more_calls_than_allowed_run_at_once_and_every_one_runs() throws Exception {
        FairQueue queue = new FairQueue(3, Duration.ofSeconds(30), TransientDataAccessResourceException::new);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<Integer>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < 12; i++) {
                int n = i;
                calls.add(threads.submit(() -> queue.through(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(30);
                    running.decrementAndGet();
                    return n;
                }, "test")));
            }
            for (int i = 0; i < 12; i++) {
                assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void a_call_that_waits_too_long_is_refused_as_temporary_and_never_runs() throws Exception {
        FairQueue queue = new FairQueue(1, Duration.ofMillis(100), TransientDataAccessResourceException::new);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
            threads.submit(() -> queue.through(() -> {
                inside.countDown();
                await(release);
                return null;
            }, "first"));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> queue.through(ran::incrementAndGet, "start an exam"))
                    .isInstanceOf(TransientDataAccessResourceException.class)
                    .hasMessageContaining("start an exam: queued for more than PT0.1S");
            release.countDown();
        }
        assertThat(ran.get()).isZero();
        assertThat(queue.through(ran::incrementAndGet, "after")).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

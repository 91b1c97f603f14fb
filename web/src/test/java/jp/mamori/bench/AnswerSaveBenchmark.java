package jp.mamori.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mamori.exam.AttemptView;
import jp.mamori.exam.ExamAttempts;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark, not a test (run with {@code ./mvnw -B -pl web -am -Pbench verify}): 500 candidates on the real database
 * answer all 60 items at once, each item written three times with rising sequence numbers sent in random order, as
 * two tabs and a flaky network would. Prints answer-save latency percentiles and how many final answers were lost.
 */
@MamoriIntegrationTest
class AnswerSaveBenchmark {

    private static final int CANDIDATES = Integer.getInteger("bench.candidates", 500);
    /** 0: every candidate fires all saves at once (the worst case); otherwise a random pause of up to twice this. */
    private static final int THINK_MS = Integer.getInteger("bench.think-ms", 0);

    @Autowired
    ExamAttempts attempts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void answer_saves_under_500_concurrent_candidates() throws Exception {
        List<Candidate> candidates = new ArrayList<>();
        long setup = System.nanoTime();
        for (int c = 0; c < CANDIDATES; c++) {
            long id = createCandidate("bench-" + c + "-" + Instant.now().toEpochMilli() + "@example.jp");
            loginAs(id);
            candidates.add(new Candidate(id, attempts.start("competency-standard")));
        }
        System.out.printf("setup: %d candidates with attempts in %d ms%n", CANDIDATES, (System.nanoTime() - setup) / 1_000_000);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, Set<String>> expected = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long wall;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Candidate candidate : candidates) {
                pool.submit(() -> {
                    loginAs(candidate.userId());
                    start.await();
                    for (AttemptView.Question q : candidate.view().questions()) {
                        List<Integer> order = new ArrayList<>(List.of(1, 2, 3));
                        Collections.shuffle(order);
                        for (int seq : order) {
                            Set<String> answer = Set.of(q.choices().get(seq % q.choices().size()).id());
                            if (seq == 3) {
                                expected.put(candidate.view().attemptId() + "/" + q.itemId(), answer);
                            }
                            // Like the exam page: a failed save is sent again with the same sequence number (idempotent).
                            if (THINK_MS > 0) {
                                Thread.sleep(ThreadLocalRandom.current().nextInt(2 * THINK_MS));
                            }
                            for (int attempt = 1; attempt <= 3; attempt++) {
                                long t0 = System.nanoTime();
                                try {
                                    attempts.save(candidate.view().attemptId(), q.itemId(), answer, seq);
                                    latencies.add(System.nanoTime() - t0);
                                    break;
                                } catch (RuntimeException e) {
                                    latencies.add(System.nanoTime() - t0);
                                    failures.incrementAndGet();
                                }
                            }
                        }
                    }
                    return null;
                });
            }
            long t = System.nanoTime();
            start.countDown();
            pool.shutdown();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.MINUTES);
            wall = System.nanoTime() - t;
        }

        int lost = 0;
        for (Candidate candidate : candidates) {
            Map<String, AttemptView.Saved> saved = jdbc.sql("SELECT item_id, answer, client_seq FROM attempt_answer WHERE attempt_id = ?")
                    .param(candidate.view().attemptId())
                    .query(rs -> {
                        Map<String, AttemptView.Saved> rows = new ConcurrentHashMap<>();
                        while (rs.next()) {
                            rows.put(rs.getString(1), new AttemptView.Saved(Set.of(rs.getString(2).split(",")), rs.getLong(3)));
                        }
                        return rows;
                    });
            for (AttemptView.Question q : candidate.view().questions()) {
                AttemptView.Saved stored = saved.get(q.itemId());
                Set<String> want = expected.get(candidate.view().attemptId() + "/" + q.itemId());
                if (stored == null || stored.clientSeq() != 3 || !stored.answer().equals(want)) {
                    lost++;
                }
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("answer saves: %d by %d concurrent candidates (think time %s) in %.1f s (%.0f saves/s), failed tries (retried) %d%n",
                sorted.size(), CANDIDATES, THINK_MS == 0 ? "none" : "0-" + 2 * THINK_MS + " ms", wall / 1e9, sorted.size() / (wall / 1e9), failures.get());
        System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.getLast() / 1e6);
        System.out.printf("lost final answers: %d of %d%n", lost, CANDIDATES * 60);
    }

    private long createCandidate(String email) {
        jdbc.sql("INSERT INTO app_user (email, display_name, created_at) VALUES (?, ?, NOW(6))").params(email, email).update();
        long id = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(email).query(Long.class).single();
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, 'CANDIDATE')").param(id).update();
        return id;
    }

    private static void loginAs(long userId) {
        var principal = new BenchPrincipal(userId);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(Role.CANDIDATE.authority()))));
    }

    private static double pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private record Candidate(long userId, AttemptView view) {
    }

    private record BenchPrincipal(long id) implements jp.mamori.shared.security.MamoriPrincipal {
        public String email() {
            return "bench-" + id;
        }

        public String displayName() {
            return email();
        }

        public Set<Role> roles() {
            return Set.of(Role.CANDIDATE);
        }

        public java.time.ZoneId zone() {
            return java.time.ZoneId.of("Asia/Tokyo");
        }
    }
}

package jp.mamori.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.certification.Certificate;
import jp.mamori.certification.CertificateVerifier;
import jp.mamori.certification.Certificates;
import jp.mamori.exam.TestAttempts;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test (run with {@code ./mvnw -B -pl web -am -Pbench verify}): how long the public verification
 * takes for a real code, an unknown code, a tampered code (one character changed) and a malformed one, interleaved
 * so that drift hits all kinds alike. Prints median and p90 per kind: a guesser should learn nothing from the time.
 */
@MamoriIntegrationTest
class VerificationTimingBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.verifications", 5000);

    @Autowired
    TestUsers users;
    @Autowired
    TestAttempts exams;
    @Autowired
    Certificates certificates;
    @Autowired
    CertificateVerifier verifier;

    @Test
    void verification_time_does_not_depend_on_whether_the_code_exists() {
        users.loginAs("bench-verify@example.jp", Role.CANDIDATE);
        exams.pass();
        Certificate certificate = certificates.mine().getFirst();
        String real = certificate.code();
        char last = real.charAt(real.length() - 1);
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("real", real);
        kinds.put("tampered", real.substring(0, real.length() - 1) + (last == '0' ? '1' : '0'));
        kinds.put("unknown", "ABCDEFGHJKMNPQRSTVWX");
        kinds.put("malformed", "not a code!");
        Map<String, List<Long>> times = new LinkedHashMap<>();
        kinds.keySet().forEach(kind -> times.put(kind, new ArrayList<>()));
        int address = 0;
        for (int round = -500; round < ROUNDS; round++) {
            for (Map.Entry<String, String> kind : kinds.entrySet()) {
                // A fresh client address each time: the rate limit is not what is measured here.
                String client = "10." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address++ & 255);
                long t0 = System.nanoTime();
                verifier.verify(kind.getValue(), client);
                long elapsed = System.nanoTime() - t0;
                if (round >= 0) {
                    times.get(kind.getKey()).add(elapsed);
                }
            }
        }
        System.out.printf("verification lookups: %d per kind, interleaved (after 500 warm-up rounds)%n", ROUNDS);
        times.forEach((kind, list) -> {
            Collections.sort(list);
            System.out.printf("  %-9s median %.3f ms  p90 %.3f ms%n", kind, list.get(list.size() / 2) / 1e6,
                    list.get(list.size() * 9 / 10) / 1e6);
        });
    }
}

package jp.mamori.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.mamori.questionbank.Item;
import org.junit.jupiter.api.Test;

/**
 * Load and memory of the exam over HTTP ({@code ./mvnw -B -Pload -pl e2e verify}, after the production jar is built):
 * for each N, a fresh database on the MariaDB server, the packaged application as its own process with a 4 GiB heap,
 * and N simulated candidates ({@link ExamCandidate}, Vaadin's UIDL protocol over HTTP) who log in, start the standard
 * exam at the same moment, answer its 60 questions with think time and submit. Prints start p95, answer-save
 * p50/p95/p99, errors, lost answers (every answer sent compared with the database afterwards), heap per exam UI and
 * CPU, and appends the row to {@code target/load/results.md}.
 *
 * <p>Settings (system properties): {@code load.candidates} (default {@code 200,500,1000,2000}), {@code load.think-ms}
 * ({@code 1000-5000}: a pause drawn evenly from this range before each answer), {@code load.jfr} ({@code true}: a
 * Java Flight Recording of the application while candidates answer, with its hottest methods printed).
 */
class ExamLoadBenchmark {

    private static final String EXAM = "competency-standard";
    private static final String PASSWORD = "load-password-2026";
    /** {@link #PASSWORD} hashed as the application stores passwords (Argon2id, OWASP parameters). */
    private static final String PASSWORD_HASH =
            "{argon2}$argon2id$v=19$m=19456,t=2,p=1$tcOvy0I612VmSBkIIObgFA$8wJN24pk7g9+HGBRnzURaDeWlWI40kkZLnHIHazUlpk";
    private static final int LOGINS_AT_ONCE = 16;
    private static final int WARM_UP_CANDIDATES = 20;
    private static final Path RESULTS = Path.of("target", "load");

    private final Map<String, Item> bankByStem = KnownItems.competency().stream()
            .collect(Collectors.toMap(item -> item.stem().ja(), Function.identity(), (a, b) -> a));

    @Test
    void candidates_sit_the_exam_at_the_same_moment() throws Exception {
        String[] think = System.getProperty("load.think-ms", "1000-5000").split("-");
        List<Integer> sizes = Arrays.stream(System.getProperty("load.candidates", "200,500,1000,2000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        Files.createDirectories(RESULTS);
        for (int n : sizes) {
            Run run = new Run(n, Integer.parseInt(think[0]), Integer.parseInt(think[1]));
            String row = run.execute();
            System.out.println(Run.HEADER);
            System.out.println(row);
            Files.writeString(RESULTS.resolve("results.md"), row + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** One run with N candidates on a fresh database and a fresh application process. */
    private final class Run {

        static final String HEADER = "| candidates | start p95 ms | save p50 ms | save p95 ms | save p99 ms | save max ms | next p95 ms "
                + "| poll p95 ms | submit p95 ms | saves | submitted | errors | lost answers | heap per exam UI KB | app CPU (cores) | database CPU (cores) |";

        private final int n;
        private final int minThink;
        private final int maxThink;
        private final Latencies latencies = new Latencies();
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

        Run(int n, int minThink, int maxThink) {
            this.n = n;
            this.minThink = minThink;
            this.maxThink = maxThink;
        }

        String execute() throws Exception {
            FaultDatabase database = FaultDatabase.create();
            AppNode app = new AppNode("load-" + n, database, database.jdbcUrl(database.server()),
                    List.of("-Xmx4g", "-XX:+UseG1GC"));
            app.start();
            try {
                warmUp(database, app.baseUrl());
                List<ExamCandidate> candidates = new ArrayList<>();
                List<String> emails = createAccounts(database, "load", n);
                for (int i = 0; i < n; i++) {
                    candidates.add(new ExamCandidate(app.baseUrl(), emails.get(i), PASSWORD, bankByStem, latencies, i, minThink, maxThink));
                }
                long baseline = liveHeapKb(app.pid());
                Map<String, long[]> baselineClasses = classHistogram(app.pid());
                CountDownLatch loggedIn = new CountDownLatch(n);
                CountDownLatch go = new CountDownLatch(1);
                CountDownLatch answered = new CountDownLatch(n);
                CountDownLatch submitNow = new CountDownLatch(1);
                Semaphore logins = new Semaphore(LOGINS_AT_ONCE);
                List<ExamCandidate> active = new ArrayList<>();
                try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (ExamCandidate candidate : candidates) {
                        threads.submit(() -> {
                            sit(candidate, logins, loggedIn, go, answered, submitNow, active);
                            return null;
                        });
                    }
                    loggedIn.await();
                    CpuTime cpu = CpuTime.of(app.pid());
                    Jfr jfr = Jfr.startIf(Boolean.getBoolean("load.jfr"), app.pid(), RESULTS.resolve("exam-" + n + ".jfr"));
                    go.countDown();
                    answered.await();
                    CpuTime.Used used = cpu.since();
                    jfr.stop();
                    long withSessions = liveHeapKb(app.pid());
                    int open;
                    synchronized (active) {
                        open = active.size();
                    }
                    // What each open exam page adds to the heap, class by class (histogram now minus the baseline's).
                    Files.writeString(RESULTS.resolve("histogram-" + n + ".txt"),
                            perUiHistogram(baselineClasses, classHistogram(app.pid()), open), StandardCharsets.UTF_8);
                    long perUi = open == 0 ? 0 : (withSessions - baseline) / open;
                    submitNow.countDown();
                    threads.shutdown();
                    threads.awaitTermination(30, TimeUnit.MINUTES);
                    int lost = lostAnswers(database, candidates);
                    int submitted = database.query("SELECT COUNT(*) FROM exam_attempt t JOIN app_user u ON u.id = t.user_id "
                            + "WHERE t.exam_id = ? AND t.state IN ('SUBMITTED', 'FINALISED') AND u.email LIKE 'load-%'",
                            rs -> rs.getInt(1), EXAM).getFirst();
                    errors.forEach(e -> System.out.println("error: " + e));
                    System.out.println("requests sent again after a broken connection: "
                            + candidates.stream().mapToInt(ExamCandidate::retries).sum());
                    return String.format("| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %d | %d | %d | %d | %d | %.2f | %.2f |",
                            n, latencies.percentileMillis("start", 95), latencies.percentileMillis("save", 50),
                            latencies.percentileMillis("save", 95), latencies.percentileMillis("save", 99), latencies.maxMillis("save"),
                            latencies.percentileMillis("next", 95), latencies.percentileMillis("poll", 95),
                            latencies.percentileMillis("submit", 95), latencies.count("save"), submitted, errors.size(), lost, perUi,
                            used.appCores(), used.databaseCores());
                }
            } finally {
                app.stop();
            }
        }

        /** One candidate's exam; a failure is counted as an error and the run goes on without them. */
        private void sit(ExamCandidate candidate, Semaphore logins, CountDownLatch loggedIn, CountDownLatch go,
                         CountDownLatch answered, CountDownLatch submitNow, List<ExamCandidate> active) throws InterruptedException {
            boolean fine = false;
            try {
                logins.acquire();
                try {
                    candidate.login();
                    fine = true;
                } finally {
                    logins.release();
                }
            } catch (RuntimeException e) {
                errors.add(candidate.email() + " login: " + e.getMessage());
            } finally {
                loggedIn.countDown();
            }
            go.await();
            try {
                if (fine) {
                    fine = false;
                    candidate.start(EXAM);
                    synchronized (active) {
                        active.add(candidate);
                    }
                    candidate.answerAll();
                    fine = true;
                }
            } catch (RuntimeException e) {
                errors.add(candidate.email() + " answering: " + e.getMessage());
            } finally {
                answered.countDown();
            }
            try {
                if (fine) {
                    candidate.waitWithPageOpen(submitNow);
                    candidate.submit();
                }
            } catch (RuntimeException e) {
                errors.add(candidate.email() + " submitting: " + e.getMessage());
            }
        }

        /** Candidate accounts {@code <prefix>-1@example.jp} ... with the benchmark's password, written straight to the database. */
        private List<String> createAccounts(FaultDatabase database, String prefix, int count) throws SQLException {
            List<String> emails = new ArrayList<>();
            Timestamp now = Timestamp.from(Instant.now());
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(database.server()), database.user(), database.password())) {
                connection.setAutoCommit(false);
                try (PreparedStatement user = connection.prepareStatement("INSERT INTO app_user (email, display_name, password_hash, language, "
                        + "created_at, email_verified_at) VALUES (?, ?, ?, 'ja', ?, ?)")) {
                    for (int i = 1; i <= count; i++) {
                        String email = prefix + "-" + i + "@example.jp";
                        user.setString(1, email);
                        user.setString(2, "負荷 " + i);
                        user.setString(3, PASSWORD_HASH);
                        user.setTimestamp(4, now);
                        user.setTimestamp(5, now);
                        user.addBatch();
                        emails.add(email);
                    }
                    user.executeBatch();
                }
                try (PreparedStatement role = connection.prepareStatement("INSERT INTO user_role (user_id, role) "
                        + "SELECT id, 'CANDIDATE' FROM app_user WHERE email LIKE ?")) {
                    role.setString(1, prefix + "-%@example.jp");
                    role.executeUpdate();
                }
                connection.commit();
            }
            return emails;
        }

        /**
         * Before the measured run, a few candidates sit the whole exam without pauses, so the measured ones meet an
         * application whose classes are loaded and whose hot code is compiled, as on a server that has been up for a
         * while (a freshly started JVM made the first starts seconds slower).
         */
        private void warmUp(FaultDatabase database, String baseUrl) throws Exception {
            Latencies ignored = new Latencies();
            List<String> emails = createAccounts(database, "warm", WARM_UP_CANDIDATES);
            List<Future<?>> sittings = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < emails.size(); i++) {
                    ExamCandidate candidate = new ExamCandidate(baseUrl, emails.get(i), PASSWORD, bankByStem, ignored, -i, 0, 0);
                    sittings.add(threads.submit(() -> {
                        candidate.login();
                        candidate.start(EXAM);
                        candidate.answerAll();
                        candidate.submit();
                        return null;
                    }));
                }
            }
            // A warm-up that fails means the application is not working: stop here rather than measure it.
            for (Future<?> sitting : sittings) {
                sitting.get();
            }
        }

        /** Answers a candidate sent that the database does not hold as sent after the exam was submitted. */
        private int lostAnswers(FaultDatabase database, List<ExamCandidate> candidates) {
            Map<String, Map<String, Set<String>>> stored = new HashMap<>();
            database.query("SELECT u.email, a.item_id, a.answer FROM attempt_answer a JOIN exam_attempt t ON t.id = a.attempt_id "
                    + "JOIN app_user u ON u.id = t.user_id WHERE t.exam_id = ? AND u.email LIKE 'load-%'", rs -> stored
                    .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                    .put(rs.getString(2), new TreeSet<>(Arrays.asList(rs.getString(3).split(",")))), EXAM);
            int lost = 0;
            for (ExamCandidate candidate : candidates) {
                Map<String, Set<String>> held = stored.getOrDefault(candidate.email(), Map.of());
                for (Map.Entry<String, Set<String>> answer : candidate.sent().entrySet()) {
                    if (!answer.getValue().equals(held.get(answer.getKey()))) {
                        lost++;
                    }
                }
            }
            return lost;
        }
    }

    /** Live heap of the application after a full collection, in KB (jcmd GC.run, then GC.heap_info). */
    private static long liveHeapKb(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = Pattern.compile(" used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap use");
        }
        return Long.parseLong(used.group(1));
    }

    /** Live objects per class after a full collection: class name to {instances, bytes} (jcmd GC.class_histogram). */
    private static Map<String, long[]> classHistogram(long pid) throws IOException, InterruptedException {
        Map<String, long[]> classes = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(jcmd(pid, "GC.class_histogram"));
        while (row.find()) {
            classes.put(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))});
        }
        return classes;
    }

    /** The classes that grew most between two histograms, as instances and bytes per open exam page. */
    private static String perUiHistogram(Map<String, long[]> before, Map<String, long[]> after, int open) {
        int pages = Math.max(open, 1);
        StringBuilder out = new StringBuilder(String.format("%d open exam pages; growth per page since the baseline%n%n"
                + "%10s %10s  %s%n", open, "instances", "bytes", "class"));
        List<Map.Entry<String, long[]>> growth = after.entrySet().stream().map(e -> {
            long[] was = before.getOrDefault(e.getKey(), new long[2]);
            return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
        }).sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).toList();
        growth.stream().limit(60).forEach(e -> out.append(String.format("%10.1f %10d  %s%n",
                e.getValue()[0] / (double) pages, e.getValue()[1] / pages, e.getKey())));
        long[] total = {growth.stream().mapToLong(e -> e.getValue()[0]).sum(), growth.stream().mapToLong(e -> e.getValue()[1]).sum()};
        out.append(String.format("%10.1f %10d  (all classes)%n", total[0] / (double) pages, total[1] / pages));
        return out.toString();
    }

    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    /** CPU time of the application process and of the MariaDB server (from /proc), to compare over a phase. */
    private record CpuTime(long pid, long appTicks, long databaseTicks, long nanos) {

        static CpuTime of(long pid) {
            return new CpuTime(pid, ticks(pid), serverTicks(), System.nanoTime());
        }

        record Used(double appCores, double databaseCores) {
        }

        Used since() {
            double seconds = (System.nanoTime() - nanos) / 1e9;
            // /proc counts in clock ticks of 1/100 s on Linux.
            return new Used((ticks(pid) - appTicks) / 100.0 / seconds, (serverTicks() - databaseTicks) / 100.0 / seconds);
        }

        private static long serverTicks() {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                    .mapToLong(p -> ticks(p.pid())).sum();
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name.
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** A Java Flight Recording of the application for one phase, with its hottest methods printed afterwards. */
    private record Jfr(long pid, Path file) {

        static Jfr startIf(boolean wanted, long pid, Path file) throws IOException, InterruptedException {
            if (!wanted) {
                return new Jfr(0, null);
            }
            jcmd(pid, "JFR.start", "name=load", "settings=profile");
            return new Jfr(pid, file.toAbsolutePath());
        }

        void stop() throws IOException, InterruptedException {
            if (file == null) {
                return;
            }
            jcmd(pid, "JFR.stop", "name=load", "filename=" + file);
            Process view = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jfr").toString(), "view",
                    "--width", "160", "hot-methods", file.toString()).redirectErrorStream(true).start();
            System.out.println(new String(view.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            view.waitFor();
        }
    }
}

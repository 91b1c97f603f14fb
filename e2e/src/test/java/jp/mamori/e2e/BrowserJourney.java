package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A person's way through Mamori in Debian's Chromium (never a downloaded browser), against the application at
 * {@link #baseUrl()}: log in, wait for Vaadin's round trips, check a page with axe, keep a screenshot for the docs.
 */
abstract class BrowserJourney {

    private static Playwright playwright;
    private static Browser browser;
    private final List<BrowserContext> contexts = new java.util.ArrayList<>();
    /** What the browser refused under the application's Content-Security-Policy (a journey fails on any). */
    private final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("mamori.e2e.chromium", "/usr/bin/chromium")))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        browser.close();
        playwright.close();
    }

    @AfterEach
    void closeContext() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        assertThat(cspViolations).as("Content-Security-Policy violations in the browser console").isEmpty();
    }

    /** A fresh browser profile (another person, or the same one elsewhere) in the given language (ja or en), Japan time, laptop-sized. */
    Page open(String language, int width) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(language.equals("en") ? "en-US" : "ja-JP")
                .setTimezoneId("Asia/Tokyo")
                .setViewportSize(width, 800));
        context.setDefaultTimeout(20_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(message.text());
            }
        });
        return page;
    }

    /** Where the application under test answers (no trailing slash). */
    abstract String baseUrl();

    Page login(String language, String email, String password, int width) {
        Page page = open(language, width);
        page.navigate(baseUrl() + "/login");
        signIn(page, email, password);
        return page;
    }

    /** Fills in the login form on screen and waits until the page after it has settled. */
    static void signIn(Page page, String email, String password) {
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        settle(page);
    }

    /** Waits until Vaadin has no server round trip in flight. */
    static void settle(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients "
                + "&& Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /** The label of the question on screen ("問 n / N. stem"). */
    static String questionLabel(Page page) {
        return (String) page.locator("vaadin-radio-group, vaadin-checkbox-group").first().evaluate("group => group.label");
    }

    /** No serious or critical WCAG 2.x A/AA violation on the page as it is now. */
    static void assertAccessible(Page page) {
        // A notification or dialog fading in or out is half transparent: axe would measure its contrast mid-animation.
        page.waitForFunction("() => !document.querySelector('[opening], [closing]')");
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze();
        List<String> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(BrowserJourney::describe).toList();
        assertThat(bad).as("serious or critical accessibility violations on " + page.url()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList();
    }

    static byte[] readAll(Download download) {
        try (var in = download.createReadStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read the download", e);
        }
    }

    /** A screenshot for the README and docs/screenshots. */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of(System.getProperty("mamori.e2e.screenshots", "target/screenshots"), name + ".png")));
    }
}

package io.eventsourcing.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.sample.domain.Example;
import io.eventsourcing.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The event browser in a real browser, headless Chromium driven by Selenium: events made through the sample's API
 * are found by their entity's id and shown in order, and a new event appears in the live log. The test leaves a
 * screenshot of the page in {@code target/event-browser.png}. Chromium and chromedriver come from the system's
 * packages ({@code chromium}, {@code chromium-driver}; {@code .ci/run} installs them): without them the test fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@DirtiesContext
class EventBrowserPageTests {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Path SCREENSHOT = Path.of("target", "event-browser.png");

    private static ChromeDriver browser;

    @LocalServerPort
    private int port;

    @Autowired
    private RestTestClient http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiContractTest.useDatabase(TestDatabase.H2, registry);
    }

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(executable("chromium", "chromium-browser"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver"))).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void findsAnEntitysEventsInOrderAndFollowsTheLogLive() throws IOException {
        SampleApi api = new SampleApi(http);
        api.createExample("another example");
        UUID id = api.createExample("bar1").id();
        api.change(id, Map.of("foo", "bar2")).expectStatus().isOk();
        api.change(id, Map.of("foo", "bar3")).expectStatus().isOk();

        browser.get("http://localhost:" + port + "/eventsourcing");
        browser.findElement(By.id("sequence-id")).sendKeys(id.toString());
        browser.findElement(By.id("sequence-search")).click();

        await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> assertThat(rows("sequence-events"))
                .extracting(row -> row.subList(0, 2)).containsExactly(
                        List.of("0", Example.Created.class.getName()),
                        List.of("1", Example.FooChanged.class.getName()),
                        List.of("2", Example.FooChanged.class.getName())));
        assertThat(rows("sequence-events")).extracting(row -> row.get(3))
                .satisfiesExactly(data -> assertThat(data).contains("\"foo\": \"bar1\""),
                        data -> assertThat(data).contains("\"foo\": \"bar2\""),
                        data -> assertThat(data).contains("\"foo\": \"bar3\""));
        await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() ->
                assertThat(rows("log-events").get(0).get(1)).isEqualTo(id.toString()));

        UUID later = api.createExample("a new example").id();

        await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> assertThat(rows("log-events").get(0))
                .containsSubsequence(later.toString(), "0", Example.Created.class.getName()));
        await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> assertThat(rows("projection-statuses"))
                .singleElement().satisfies(row -> assertThat(row).startsWith("live-examples", "1", "yes", "RUNNING")));
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The text of each cell of each row of a table's body. */
    private static List<List<String>> rows(String tableBody) {
        return browser.findElements(By.cssSelector("#" + tableBody + " tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** The first of the named programs on the PATH. */
    private static String executable(String... names) {
        for (String directory : System.getenv("PATH").split(File.pathSeparator)) {
            for (String name : names) {
                File candidate = new File(directory, name);
                if (candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        throw new IllegalStateException("None of " + Arrays.toString(names) + " is on the PATH: install Debian's"
                + " packages chromium and chromium-driver, as .ci/run does");
    }
}

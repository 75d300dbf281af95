package org.memberflow.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.ruleset.TestRuleSets;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A marketer's rule flow end to end in the system's headless Chromium: log in with a key, upload
 * a broken rule and see its error, upload a good one, simulate it, activate it, read its diff, see
 * the dashboard's charts drawn, and switch to Chinese. A screenshot of each step is kept in
 * {@code target/screenshots/}; a Content-Security-Policy violation in the browser's console on
 * any of them fails the test.
 */
@MemberFlowIntegrationTest
class ConsoleBrowserTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String HEADER = """
            package org.memberflow.rules.console

            import org.memberflow.rules.fact.MemberEvent
            import org.memberflow.rules.fact.EventType

            global org.memberflow.rules.decision.Decisions decisions

            """;
    /** Line 10 names a field MemberEvent does not have. */
    private static final String BROKEN = HEADER + """
            rule "console broken"
            when
                MemberEvent( colour == "red" )
            then
                decisions.sendMessage("console-broken", "once", "HELLO");
            end
            """;

    @LocalServerPort
    int port;
    @Autowired
    RuleSetCatalog catalog;
    @Autowired
    RuleSetActivator activator;
    @TempDir
    Path temp;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final List<String> cspViolations = new ArrayList<>();

    @BeforeEach
    void startBrowser() throws IOException {
        SystemChromium.require();
        browser = SystemChromium.start(temp.resolve("profile"));
        wait = new WebDriverWait(browser, WAIT);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowserAndRestoreTheBuiltInSet() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        TestRuleSets.restoreBuiltIns(catalog, activator);
    }

    @Test
    void shouldTakeAMarketerThroughTheRuleFlow() throws Exception {
        String member = "console-" + UUID.randomUUID();
        String marketerKey = marketerKeyAndAMember(member);
        String base = "http://localhost:" + port;
        String good = HEADER + """
                // %s
                rule "console check-in greeting"
                when
                    MemberEvent( type == EventType.CHECK_IN )
                then
                    decisions.sendMessage("console-greeting", "once", "HELLO");
                end
                """.formatted(UUID.randomUUID());

        // Anonymous: the login page. Log in with the key.
        browser.get(base + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        screenshot("01-login");
        browser.findElement(By.id("key")).sendKeys(marketerKey);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-classes")));

        // A broken rule: validated inline (htmx), then uploaded; its error names file and line, nothing is stored.
        int versionsBefore = catalog.count();
        browser.get(base + "/console/rulesets/new");
        browser.findElement(By.id("files")).sendKeys(write("broken.drl", BROKEN).toString());
        browser.findElement(By.id("validate")).click();
        WebElement inline = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#validation-result .compile-error")));
        assertThat(inline.getText()).startsWith("broken.drl:10:");
        WebElement uploadButton = browser.findElement(By.id("upload"));
        uploadButton.click(); // the same file, chosen above
        // The answer is a new page: until the old one is gone, #compile-errors could be the old page's.
        wait.until(ExpectedConditions.stalenessOf(uploadButton));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#compile-errors .compile-error")));
        assertThat(error.getText()).startsWith("broken.drl:10:").contains("colour");
        screenshot("02-broken-rule-refused");
        assertThat(catalog.count()).as("a refused upload stores nothing").isEqualTo(versionsBefore);

        // A good rule on top of the active version: validated, uploaded as a draft.
        browser.get(base + "/console/rulesets/new");
        browser.findElement(By.id("files")).sendKeys(write("console-greeting.drl", good).toString());
        browser.findElement(By.id("validate")).click();
        WebElement valid = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#validation-result .valid")));
        assertThat(valid.getText()).contains("console check-in greeting");
        browser.findElement(By.id("comment")).sendKeys("check-in greeting from the console");
        browser.findElement(By.id("upload")).click();
        wait.until(ExpectedConditions.urlMatches("/console/rulesets/\\d+$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        int version = Integer.parseInt(browser.getCurrentUrl().replaceAll(".*/console/rulesets/(\\d+).*", "$1"));
        assertThat(catalog.get(version).status().name()).isEqualTo("DRAFT");
        assertThat(browser.findElement(By.id("files")).getText()).contains("console-greeting.drl", "welcome.drl");
        screenshot("03-good-rule-uploaded");

        // Simulate beside the active version on the member.
        browser.findElement(By.id("sample")).clear();
        browser.findElement(By.id("memberIds")).sendKeys(member);
        browser.findElement(By.id("simulate")).click();
        WebElement simulation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#simulation-result .simulation")));
        assertThat(simulation.getText()).contains("Members: 1;", "Firings per rule", "Actions per campaign");
        browser.executeScript("arguments[0].scrollIntoView()", simulation);
        screenshot("04-simulated");

        // Activate: the catalogue and the engine run it.
        browser.findElement(By.id("activate-comment")).sendKeys("go");
        browser.findElement(By.id("activate")).click();
        wait.until(ExpectedConditions.textToBe(By.id("version-status"), "active"));
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Activated");
        assertThat(catalog.active().version()).isEqualTo(version);
        screenshot("05-activated");

        // The diff against the built-in set shows the new file's lines as added.
        new Select(browser.findElement(By.id("against"))).selectByVisibleText("built-in:1");
        browser.findElement(By.id("diff")).click();
        WebElement added = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("pre.diff .line.add")));
        assertThat(browser.findElements(By.cssSelector("pre.diff .line.add")).stream().map(WebElement::getText))
                .contains("+rule \"console check-in greeting\"");
        assertThat(added.getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        screenshot("06-diff");

        // The dashboard: Chart.js drew every chart on its canvas.
        browser.get(base + "/");
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return ['chart-classes','chart-sizes','chart-actions'].every(function (id) {"
                        + " return window.Chart && Chart.getChart(document.getElementById(id)) != null; });")));
        Object classes = browser.executeScript("return Chart.getChart(document.getElementById('chart-classes')).data.labels.length");
        assertThat(((Number) classes).intValue()).isGreaterThanOrEqualTo(9);
        screenshot("07-dashboard");

        // The same page in Chinese.
        browser.findElement(By.id("lang-zh")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "仪表盘"));
        assertThat(browser.findElement(By.cssSelector(".top nav")).getText()).contains("规则集", "活动", "会员查询");
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.Chart && Chart.getChart(document.getElementById('chart-classes')) != null")));
        Object label = browser.executeScript("return Chart.getChart(document.getElementById('chart-classes')).data.labels[0]");
        assertThat(label).isEqualTo("重要价值客户");
        screenshot("08-dashboard-zh");

        // Member lookup with explain, in Chinese now.
        browser.get(base + "/console/members?id=" + member);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("explain-rules")));
        assertThat(browser.findElement(By.id("explain-rules")).getText()).contains("console check-in greeting");
        screenshot("09-member-explain");

        assertThat(cspViolations).as("the browser refused nothing the pages asked for").isEmpty();
    }

    /** A MARKETER key, and a member the engine knows (to simulate on and look up). */
    private String marketerKeyAndAMember(String member) throws Exception {
        Http admin = new Http(port);
        HttpResponse<String> issued = admin.postJson("/api/v1/keys",
                "{\"name\":\"browser-marketer-" + UUID.randomUUID() + "\",\"role\":\"MARKETER\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(admin.postJson("/api/v1/events", "{\"eventId\":\"" + member + "-r\",\"memberId\":\"" + member
                + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"" + Instant.now() + "\",\"profile\":{\"tier\":\"silver\"}}")
                .statusCode()).isEqualTo(202);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.get("/api/v1/members/" + member).statusCode() == 200);
        return JSON.readTree(issued.body()).get("key").asString();
    }

    private Path write(String name, String content) throws IOException {
        Path dir = Files.createTempDirectory(temp, "upload");
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Keeps a screenshot, and the Content-Security-Policy violations the browser's console shows so far. */
    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        // Reading the log empties it: what is read is kept here.
        browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).forEach(m -> cspViolations.add(name + ": " + m));
    }
}

package org.memberflow.api.console;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The machine's own headless Chromium and chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}), named by path so that Selenium Manager never looks for, or downloads,
 * either. Without them the browser tests are skipped, unless {@code MEMBERFLOW_REQUIRE_BROWSER=1}
 * (CI installs them) makes that a failure. The browser's console is kept for the tests to read.
 */
final class SystemChromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private SystemChromium() {
    }

    /** Skips (or, where a browser is required, fails) the calling test when there is no browser. */
    static void require() {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String missing = "no " + BROWSER + " or " + DRIVER + ": install Debian's chromium and chromium-driver"
                + " (apt-get install chromium chromium-driver) to run the console's browser tests";
        if (!present && "1".equals(System.getenv("MEMBERFLOW_REQUIRE_BROWSER"))) {
            fail(missing + "; MEMBERFLOW_REQUIRE_BROWSER=1 asks for them");
        }
        assumeTrue(present, missing);
    }

    /** A fresh headless browser with a profile of its own in {@code profile}, speaking English first. */
    static ChromeDriver start(Path profile) throws IOException {
        Files.createDirectories(profile);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // No network here or in CI: without the background-networking flags Chromium stalls on its own requests.
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000",
                "--lang=en-US"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // The console's messages (a CSP violation among them) for the tests to read.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}

package dev.assist.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: no browser or driver is
 * downloaded (Selenium Manager is never asked). A missing browser fails the test with the command
 * that installs it, because CI installs both and a skipped browser test would hide a broken page.
 */
final class Browser implements AutoCloseable {
    static final Path ARTIFACTS = Path.of("target", "test-artifacts");
    private static final String CHROMIUM = System.getProperty("assist.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("assist.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        requireInstalled(CHROMIUM, "chromium");
        requireInstalled(CHROMEDRIVER, "chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("assist-chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--lang=en-US",
                "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    private static void requireInstalled(String path, String what) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new AssertionError(what + " is not installed at " + path + ". The browser tests drive Debian's Chromium:"
                    + " run 'apt-get install -y chromium chromium-driver' (as .ci/run does), or point -Dassist.chromium"
                    + " and -Dassist.chromedriver at another installation.");
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(60), condition);
    }

    /** Saves a PNG of the viewport as {@code target/test-artifacts/NAME.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(ARTIFACTS);
            Path file = ARTIFACTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the whole page, not only the viewport, by making the window as tall as the page for the shot. */
    Path fullPageScreenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long viewport = ((Number) script("return window.innerHeight;")).longValue();
        long page = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
        long height = Math.min(page + (window.getHeight() - viewport), 4000);
        resize(window.getWidth(), (int) Math.max(height, window.getHeight()));
        try {
            return screenshot(name);
        } finally {
            resize(window.getWidth(), window.getHeight());
        }
    }

    /**
     * The console errors (uncaught exceptions, console.error, failed loads) since the last call;
     * the browser hands each entry out once.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Grants the page clipboard access, as a person clicking "Allow" would. */
    void allowClipboard() {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}

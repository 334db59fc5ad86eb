package dev.orgpulse.query.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}; deploy/local/ensure-browser
 * installs them), driven through WebDriver. Never a browser a tool downloads by itself.
 */
public final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final List<String> pageScripts = new ArrayList<>();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser open(int width, int height) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver:"
                    + " run deploy/local/ensure-browser (as root)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--hide-scrollbars", "--force-device-scale-factor=1");
        // the page's console, for the message of a test that times out waiting for it
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        Browser browser = new Browser(new ChromeDriver(service, options));
        browser.resize(width, height);
        return browser;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Makes the viewport (not the window around it) {@code width} × {@code height}, as a screen of that size shows. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        int innerWidth = ((Number) script("return window.innerWidth")).intValue();
        int innerHeight = ((Number) script("return window.innerHeight")).intValue();
        driver.manage().window().setSize(new Dimension(2 * width - innerWidth, 2 * height - innerHeight));
    }

    /**
     * Runs {@code javascript} in every page opened from now on, before the page's own scripts (Chrome DevTools'
     * {@code Page.addScriptToEvaluateOnNewDocument}); {@link #forgetPageScripts()} stops it.
     */
    public void beforeEveryPage(String javascript) {
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", javascript));
        pageScripts.add(String.valueOf(added.get("identifier")));
    }

    public void forgetPageScripts() {
        pageScripts.forEach(identifier -> driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                Map.of("identifier", identifier)));
        pageScripts.clear();
    }

    public void go(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    public <T> T await(Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
    }

    /** Waits until the page's script says it has loaded everything and follows the stream. */
    public void awaitReady(Duration timeout) {
        try {
            await(timeout, page -> "true".equals(script("return document.body && document.body.dataset.ready")));
        } catch (TimeoutException notReady) {
            Path shot = screenshot("not-ready");
            String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).collect(Collectors.joining("\n"));
            throw new AssertionError(driver.getCurrentUrl() + " did not get ready within " + timeout + " (" + shot
                    + "); its console:\n" + console, notReady);
        }
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, for humans to look at. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot " + name + " not saved", e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

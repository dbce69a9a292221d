package vn.hailong;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}, or the system property
 * {@code hailong.chromium}), headless, driven by Playwright, which downloads no browser
 * of its own and starts it with a fresh temporary {@code --user-data-dir}; each context
 * is a fresh profile with a phone's 360×640 viewport.
 */
public final class Chromium implements AutoCloseable {

	/**
	 * The browser's executable; the browser tests fail, never skip, when it is missing.
	 */
	public static final Path EXECUTABLE = Path.of(System.getProperty("hailong.chromium", "/usr/bin/chromium"));

	private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

	private final Playwright playwright;

	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	/**
	 * Starts the browser.
	 * @return the running browser
	 * @throws IllegalStateException if Chromium is not installed
	 */
	public static Chromium launch() {
		if (!Files.isExecutable(EXECUTABLE)) {
			throw new IllegalStateException("The browser tests need Chromium at " + EXECUTABLE
					+ ": install it with 'apt-get install chromium' (.ci/run does)");
		}
		var environment = new HashMap<>(System.getenv());
		environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(environment));
		try {
			Browser browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
			return new Chromium(playwright, browser);
		}
		catch (RuntimeException ex) {
			playwright.close();
			throw ex;
		}
	}

	/**
	 * Opens a fresh profile (no storage, cache or service worker) the size of a phone's
	 * screen.
	 * @param javaScript whether pages may run scripts
	 * @return the new context
	 */
	public BrowserContext phone(boolean javaScript) {
		return this.browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 640)
			.setJavaScriptEnabled(javaScript)
			.setLocale("vi-VN"));
	}

	public Browser browser() {
		return this.browser;
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

	/**
	 * Signs a staff member in through the console's form, as a person would, and waits
	 * until the console's home page is shown.
	 * @param page a fresh page
	 * @param base the service's address, such as {@code http://localhost:8080}
	 * @param username the member's username
	 * @param password the member's password
	 */
	public static void signIn(com.microsoft.playwright.Page page, String base, String username, String password) {
		page.navigate(base + "/console/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("form button[type=submit]").click();
		page.waitForURL(base + "/console");
	}

}

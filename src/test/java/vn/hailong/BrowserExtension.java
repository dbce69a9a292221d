package vn.hailong;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browser tests' Chromium lifecycle in one place: one headless {@link Chromium} for
 * the whole test run, started on first use and closed when the run ends; for each test a
 * fresh {@link Browsing} injected into the test's fields of that type, whose contexts
 * (and so pages) are closed after the test.
 */
public final class BrowserExtension implements BeforeEachCallback, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		Chromium chromium = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Chromium.class, (key) -> Chromium.launch(), Chromium.class);
		var browsing = new Browsing(chromium);
		context.getStore(NAMESPACE).put(Browsing.class, browsing);
		Object test = context.getRequiredTestInstance();
		for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (field.getType() == Browsing.class) {
					field.setAccessible(true);
					field.set(test, browsing);
				}
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Browsing browsing = context.getStore(NAMESPACE).remove(Browsing.class, Browsing.class);
		if (browsing != null) {
			browsing.close();
		}
	}

	/**
	 * One test's use of the shared browser: each context it opens is a fresh profile,
	 * closed with its pages when the test ends.
	 */
	public static final class Browsing implements AutoCloseable {

		private final Chromium chromium;

		private final List<BrowserContext> contexts = new ArrayList<>();

		Browsing(Chromium chromium) {
			this.chromium = chromium;
		}

		/**
		 * Opens a fresh profile with the given options.
		 * @param options the viewport, locale and the like
		 * @return the context, closed after the test
		 */
		public BrowserContext open(Browser.NewContextOptions options) {
			return kept(this.chromium.browser().newContext(options));
		}

		/**
		 * Opens a fresh profile with Chromium's default options.
		 * @return the context, closed after the test
		 */
		public BrowserContext open() {
			return open(new Browser.NewContextOptions());
		}

		/**
		 * Opens a fresh profile the size of a phone's screen (see
		 * {@link Chromium#phone(boolean)}).
		 * @param javaScript whether pages may run scripts
		 * @return the context, closed after the test
		 */
		public BrowserContext phone(boolean javaScript) {
			return kept(this.chromium.phone(javaScript));
		}

		/**
		 * Opens a page in a fresh profile with Chromium's default options.
		 * @return the page, closed after the test
		 */
		public Page page() {
			return open().newPage();
		}

		private BrowserContext kept(BrowserContext context) {
			this.contexts.add(context);
			return context;
		}

		@Override
		public void close() {
			this.contexts.forEach(BrowserContext::close);
			this.contexts.clear();
		}

	}

}

package vn.hailong;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One instance of the whole service, started in this JVM on a port of its own, for tests
 * that run several instances side by side against one database (as behind a load
 * balancer). Its settings are command-line arguments, so they win over
 * {@code application.yml}, as environment variables do in a deployment.
 */
public final class Instance implements AutoCloseable {

	private final Map<String, Object> settings;

	private final ConfigurableApplicationContext context;

	private final int port;

	private Instance(Map<String, Object> settings) {
		this.settings = settings;
		var arguments = new ArrayList<String>();
		settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		this.context = new SpringApplicationBuilder(HaiLongApplication.class).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.initializers(Instance::ownNettyResources)
			.run(arguments.toArray(String[]::new));
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * Gives the instance Netty resources of its own, so that closing it (a restart) does
	 * not dispose of the event loops of the other instances in this JVM.
	 */
	private static void ownNettyResources(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof ReactorResourceFactory resources) {
					resources.setUseGlobalResources(false);
				}
				return bean;
			}

		});
	}

	/**
	 * Starts an instance on the test run's database, with the test administrator.
	 * @param settings further properties, e.g. {@code spring.data.redis.host}
	 * @return the running instance
	 */
	public static Instance start(Map<String, Object> settings) {
		var all = new LinkedHashMap<String, Object>(TestDatabase.get().springProperties());
		all.put("server.port", 0);
		all.put("server.address", "127.0.0.1");
		all.put("hailong.templates.directories", "survey-templates,src/test/resources/test-templates");
		all.put("hailong.admin.username", StaffTestConfiguration.ADMIN_USERNAME);
		all.put("hailong.admin.password", StaffTestConfiguration.ADMIN_PASSWORD);
		all.put("logging.level.root", "WARN");
		all.putAll(settings);
		return new Instance(all);
	}

	/**
	 * Starts another instance with the same settings, as a restart does.
	 * @return the new instance
	 */
	public Instance restart() {
		close();
		return new Instance(this.settings);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public int port() {
		return this.port;
	}

	/**
	 * A client without credentials.
	 * @return the client
	 */
	public WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * A client signed in as the test administrator with HTTP Basic.
	 * @return the client
	 */
	public WebTestClient admin() {
		String credentials = StaffTestConfiguration.ADMIN_USERNAME + ":" + StaffTestConfiguration.ADMIN_PASSWORD;
		return client().mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.build();
	}

	@Override
	public void close() {
		if (this.context.isActive()) {
			this.context.close();
		}
	}

}

package vn.hailong;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test against the whole service on a random port, over real HTTP, with the run's
 * PostgreSQL database, signed in as the test administrator; all such tests share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hailong.templates.directories=survey-templates,src/test/resources/test-templates",
				"hailong.admin.username=" + StaffTestConfiguration.ADMIN_USERNAME,
				"hailong.admin.password=" + StaffTestConfiguration.ADMIN_PASSWORD,
				// every test client shares one address; LoginThrottleTests covers the
				// per-client limit
				"hailong.login.failures-per-client=100000" })
// 30 s rather than 5 s: the first requests of a run wait for the pool and the JIT on a
// busy
// 2-core machine; no test measures time through this client
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(StaffTestConfiguration.class)
public @interface IntegrationTest {

}

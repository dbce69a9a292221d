package vn.hailong.system;

import java.time.Clock;

import tools.jackson.databind.JacksonModule;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans shared by every feature.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("vn.hailong")
class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Checks and composes every JSON string, and reads tree numbers exactly.
	 */
	@Bean
	JacksonModule textModule() {
		return new TextModule();
	}

}

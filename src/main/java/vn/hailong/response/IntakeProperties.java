package vn.hailong.response;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the intake writes responses to the database.
 *
 * @param writers how many batches may be written at once, each on its own connection
 * @param batchSize the most responses written by one statement
 */
@ConfigurationProperties("hailong.intake")
record IntakeProperties(@DefaultValue("4") int writers, @DefaultValue("128") int batchSize) {

	public IntakeProperties {
		if (writers < 1 || batchSize < 1) {
			throw new IllegalArgumentException(
					"hailong.intake.writers and hailong.intake.batch-size must be at least 1");
		}
	}

}

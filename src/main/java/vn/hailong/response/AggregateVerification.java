package vn.hailong.response;

import java.io.PrintStream;

import reactor.core.publisher.Flux;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line check: with {@code --hailong.aggregates.verify=<campaign id|all>} (and
 * {@code --hailong.aggregates.repair=true} to replace what differs) the service
 * recomputes the aggregates at start-up, prints one line per campaign and one per
 * difference, and exits: status 0 when everything agreed (or was repaired), 1 when a
 * difference is left, 2 for an unknown campaign or a value that is neither an id nor
 * {@code all}.
 */
@Component
class AggregateVerification implements ApplicationRunner {

	private final AggregateService aggregates;

	private final AggregateProperties properties;

	private final ApplicationContext context;

	private final PrintStream out = System.out;

	AggregateVerification(AggregateService aggregates, AggregateProperties properties, ApplicationContext context) {
		this.aggregates = aggregates;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		String verify = this.properties.verify().strip();
		if (verify.isEmpty()) {
			return;
		}
		int status = check(verify);
		System.exit(SpringApplication.exit(this.context, (ExitCodeGenerator) () -> status));
	}

	private int check(String verify) {
		Flux<AggregateCheck> checks;
		if (verify.equals("all")) {
			checks = this.aggregates.verifyAll(this.properties.repair());
		}
		else if (verify.matches("[0-9]{1,18}")) {
			checks = this.aggregates.verifyOne(Long.parseLong(verify), this.properties.repair()).flux();
		}
		else {
			this.out.println("hailong.aggregates.verify must be a campaign id or 'all', not '" + verify + "'");
			return 2;
		}
		try {
			int left = 0;
			// The service is not serving yet: this runner is the whole process.
			for (AggregateCheck check : checks.toIterable()) {
				this.out.printf("campaign %d: %d responses, %d differences%s%n", check.campaign(), check.responses(),
						check.differences().size(), check.repaired() ? ", repaired" : "");
				for (var difference : check.differences()) {
					this.out.printf("  %s unit=%s key=%s kept=%s recomputed=%s%n", difference.kind(), difference.unit(),
							difference.key(), difference.kept(), difference.recomputed());
				}
				if (!check.repaired()) {
					left += check.differences().size();
				}
			}
			return (left == 0) ? 0 : 1;
		}
		catch (RuntimeException ex) {
			this.out.println("aggregate check failed: " + ex.getMessage());
			return 2;
		}
	}

}

package vn.hailong;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.audit.AuditLog;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code base, checked on the compiled main classes: the feature packages
 * form a graph without cycles, and controllers stay adapters that reach neither the
 * database nor a transaction nor the audit log's writes.
 */
class ArchitectureTests {

	private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe(
			"controllers (annotated @Controller or @RestController, or in a *Controller class)",
			(JavaClass type) -> isController(type)
					|| type.getEnclosingClass().map(ArchitectureTests::isController).orElse(false));

	private static final DescribedPredicate<JavaClass> DATABASE = DescribedPredicate.describe(
			"repositories (@Repository, Spring Data repositories, DatabaseClient, R2dbcEntityTemplate, TransactionalOperator)",
			(JavaClass type) -> type.isAnnotatedWith(Repository.class) || type.getSimpleName().endsWith("Repository")
					|| type.isAssignableTo("org.springframework.data.repository.Repository")
					|| type.isAssignableTo(DatabaseClient.class)
					|| type.isAssignableTo("org.springframework.data.r2dbc.core.R2dbcEntityTemplate")
					|| type.isAssignableTo(TransactionalOperator.class));

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("vn.hailong");
	}

	private static boolean isController(JavaClass type) {
		return type.isAnnotatedWith(Controller.class) || type.isAnnotatedWith(RestController.class)
				|| type.getSimpleName().endsWith("Controller");
	}

	@Test
	void featurePackagesFormNoCycle() {
		ArchRule rule = slices().matching("vn.hailong.(*)..").should().beFreeOfCycles();
		rule.check(classes);
	}

	@Test
	void controllersReachNoRepository() {
		ArchRule rule = noClasses().that(CONTROLLERS).should().dependOnClassesThat(DATABASE);
		rule.check(classes);
	}

	/**
	 * Every quantile is inverted by {@code statistics.Distributions}, to one accuracy
	 * (1e-12): commons-math's distributions default to 1e-9. {@code Distributions} builds
	 * them and {@code Quantiles} inverts them (Newton steps to the same accuracy).
	 */
	@Test
	void onlyDistributionsBuildsProbabilityDistributions() {
		ArchRule rule = noClasses().that()
			.doNotHaveFullyQualifiedName("vn.hailong.statistics.Distributions")
			.and()
			.doNotHaveFullyQualifiedName("vn.hailong.statistics.Quantiles")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.apache.commons.math3.distribution..");
		rule.check(classes);
	}

	@Test
	void controllersWriteNoAuditEntry() {
		ArchRule rule = noClasses().that(CONTROLLERS)
			.should()
			.callMethodWhere(DescribedPredicate.describe("the target is AuditLog.record*",
					(JavaMethodCall call) -> assignableTo(AuditLog.class).test(call.getTargetOwner())
							&& call.getName().startsWith("record")));
		rule.check(classes);
	}

}

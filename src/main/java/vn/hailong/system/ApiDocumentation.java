package vn.hailong.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs}, browsable at
 * {@code /swagger-ui.html}: the JSON API with its two ways to authenticate.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI hailongOpenApi() {
		return new OpenAPI()
			.info(new Info().title("HàiLòng API")
				.version("v1")
				.description("Satisfaction surveys for education offices: units, survey templates, campaigns, "
						+ "anonymous responses, invitation codes, plans and indicators, reported figures, reports, "
						+ "staff accounts and the audit log. Staff endpoints take HTTP Basic or a personal API token "
						+ "(Authorization: Bearer hl_…); the intake endpoint POST /api/v1/campaigns/{id}/responses "
						+ "is anonymous. Errors are RFC 9457 problem details (application/problem+json).")
				.license(new License().name("Proprietary")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A personal API token from POST /api/v1/tokens or the console's account page")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}

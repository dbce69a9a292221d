package vn.hailong.account;

import org.springdoc.core.utils.SpringDocUtils;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;

/**
 * Binds a controller parameter of type {@link Access} to the signed-in member's access,
 * read fresh by {@link StaffAccess} on each request; a request without an active member
 * fails with the 401 problem {@code unauthenticated}. The parameter is not part of the
 * request, so the API documentation leaves it out.
 */
@Configuration(proxyBeanMethods = false)
class AccessArgumentResolver implements HandlerMethodArgumentResolver, WebFluxConfigurer {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Access.class);
	}

	private final StaffAccess access;

	AccessArgumentResolver(StaffAccess access) {
		this.access = access;
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Access.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return this.access.current().cast(Object.class);
	}

}

package vn.hailong.indicator;

import java.math.BigDecimal;

import org.springframework.r2dbc.core.Parameter;

/**
 * Typed nullable bind parameters.
 */
final class Parameters {

	private Parameters() {
	}

	static Parameter text(String value) {
		return Parameter.fromOrEmpty(value, String.class);
	}

	static Parameter decimal(Double value) {
		return Parameter.fromOrEmpty((value != null) ? BigDecimal.valueOf(value) : null, BigDecimal.class);
	}

	static Parameter number(Long value) {
		return Parameter.fromOrEmpty(value, Long.class);
	}

}

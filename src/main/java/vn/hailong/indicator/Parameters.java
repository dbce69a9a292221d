package vn.hailong.indicator;

import java.math.BigDecimal;

import io.r2dbc.spi.Parameter;

/**
 * Typed nullable bind parameters.
 */
final class Parameters {

	private Parameters() {
	}

	static Parameter text(String value) {
		return of(value, String.class);
	}

	static Parameter texts(java.util.List<String> values) {
		return of((values != null) ? values.toArray(String[]::new) : null, String[].class);
	}

	static Parameter decimal(Double value) {
		return of((value != null) ? BigDecimal.valueOf(value) : null, BigDecimal.class);
	}

	private static Parameter of(Object value, Class<?> type) {
		return (value != null) ? io.r2dbc.spi.Parameters.in(value) : io.r2dbc.spi.Parameters.in(type);
	}

}

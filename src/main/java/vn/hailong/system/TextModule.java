package vn.hailong.system;

import java.math.BigDecimal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies {@link Texts} to every JSON string the service reads, in typed fields and in
 * trees alike, and reads the numbers of trees exactly: integers as {@code long} or
 * {@link java.math.BigInteger}, fractions and exponents as {@link BigDecimal} (never
 * through a {@code double}, so {@code 3.0000000000000000001} stays not whole and
 * {@code 1e400} stays finite).
 */
final class TextModule extends SimpleModule {

	TextModule() {
		super("hailong-text");
		addDeserializer(String.class, new CheckedStringDeserializer());
		addDeserializer(JsonNode.class, new ExactTreeDeserializer());
	}

	/**
	 * A JSON string that cannot be stored; the problem handler names its field with
	 * {@code invalid_text}.
	 */
	static final class UnstorableTextException extends MismatchedInputException {

		UnstorableTextException(JsonParser parser, String message) {
			super(parser, message, String.class);
		}

	}

	private static String checked(JsonParser parser, String text) {
		String why = Texts.unstorable(text);
		if (why != null) {
			throw new UnstorableTextException(parser, "the text " + why);
		}
		return Texts.normalize(text);
	}

	private static final class CheckedStringDeserializer extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = StringDeserializer.instance.deserialize(parser, context);
			return (text != null) ? checked(parser, text) : null;
		}

		@Override
		public Object getNullValue(DeserializationContext context) {
			return null;
		}

		@Override
		public boolean isCachable() {
			return true;
		}

	}

	private static final class ExactTreeDeserializer extends ValueDeserializer<JsonNode> {

		@Override
		public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			return read(parser, context.getNodeFactory());
		}

		@Override
		public JsonNode getNullValue(DeserializationContext context) {
			return context.getNodeFactory().nullNode();
		}

		private static JsonNode read(JsonParser parser, JsonNodeFactory nodes) {
			JsonToken token = parser.currentToken();
			if (token == JsonToken.START_OBJECT || token == JsonToken.PROPERTY_NAME) {
				ObjectNode object = nodes.objectNode();
				String name = (token == JsonToken.PROPERTY_NAME) ? parser.currentName() : parser.nextName();
				while (name != null) {
					parser.nextToken();
					object.set(checked(parser, name), read(parser, nodes));
					name = parser.nextName();
				}
				return object;
			}
			if (token == JsonToken.START_ARRAY) {
				ArrayNode array = nodes.arrayNode();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					array.add(read(parser, nodes));
				}
				return array;
			}
			return switch (token) {
				case END_OBJECT -> nodes.objectNode();
				case VALUE_STRING -> nodes.stringNode(checked(parser, parser.getString()));
				case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
					case INT, LONG -> nodes.numberNode(parser.getLongValue());
					default -> nodes.numberNode(parser.getBigIntegerValue());
				};
				case VALUE_NUMBER_FLOAT -> exactDecimal(parser, nodes);
				case VALUE_TRUE -> nodes.booleanNode(true);
				case VALUE_FALSE -> nodes.booleanNode(false);
				case VALUE_NULL -> nodes.nullNode();
				case VALUE_EMBEDDED_OBJECT -> nodes.pojoNode(parser.getEmbeddedObject());
				default -> throw MismatchedInputException.from(parser, JsonNode.class, "unexpected token " + token);
			};
		}

		private static JsonNode exactDecimal(JsonParser parser, JsonNodeFactory nodes) {
			if (parser.isNaN()) {
				throw MismatchedInputException.from(parser, JsonNode.class, "not a finite number");
			}
			BigDecimal value;
			try {
				value = parser.getDecimalValue();
			}
			catch (NumberFormatException | ArithmeticException ex) {
				throw MismatchedInputException.from(parser, JsonNode.class,
						"the number '" + parser.getText() + "' cannot be read exactly");
			}
			return nodes.numberNode(value);
		}

	}

}

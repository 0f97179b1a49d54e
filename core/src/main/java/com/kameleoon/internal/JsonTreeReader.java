package com.kameleoon.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads JSON text into a Jackson tree straight from the streaming parser, giving the tree that
 * {@code ObjectMapper.readTree(String)} with the default configuration gives (same node types, later duplicate
 * keys win in the first one's place, nothing read after the first value, {@code MissingNode} for empty text, the
 * parser's own errors). Building an {@code ObjectMapper} loads and initialises about 500 classes (serializer and
 * deserializer caches, introspection, type factory): 100–200 ms of a cold client's start-up, of which a tree
 * needs none. Like {@link JsonMappers}' mappers, the parser's buffers are pooled per reader rather than in a
 * thread-local. Thread-safe.
 */
public final class JsonTreeReader {
    /** The reader the SDK shares for datafiles, server answers and cookies. */
    public static final JsonTreeReader SHARED = new JsonTreeReader();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory factory = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();

    /**
     * Parses a JSON text.
     *
     * @param json the text (not null)
     * @return its first value as a tree; a {@code MissingNode} when the text holds no value
     * @throws JsonProcessingException when the text is not JSON
     */
    public JsonNode readTree(String json) throws JsonProcessingException {
        try (JsonParser parser = factory.createParser(json)) {
            JsonToken first = parser.nextToken();
            return first == null ? NODES.missingNode() : value(parser, first);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // A String source does no I/O; only the parser's own errors above can happen.
            throw new UncheckedIOException(e);
        }
    }

    /* Recursive: the parser's nesting limit (StreamReadConstraints) bounds the depth well within the stack. */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY:
                return array(parser);
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return integral(parser);
            case VALUE_NUMBER_FLOAT:
                return floating(parser);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                // END_OBJECT / END_ARRAY / FIELD_NAME where a value should be: the parser rejects these first.
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode node = NODES.objectNode();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            // replace, as the mapper does: a repeated key keeps its first position and takes the later value.
            node.replace(name, value(parser, parser.nextToken()));
        }
        return node;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode node = NODES.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            node.add(value(parser, token));
        }
        return node;
    }

    /* The mapper's choice: the smallest of int, long and BigInteger that holds the literal. */
    private static JsonNode integral(JsonParser parser) throws IOException {
        switch (parser.getNumberType()) {
            case INT:
                return NODES.numberNode(parser.getIntValue());
            case LONG:
                return NODES.numberNode(parser.getLongValue());
            default:
                return NODES.numberNode(parser.getBigIntegerValue());
        }
    }

    /* The mapper keeps JSON floating-point literals as doubles (USE_BIG_DECIMAL_FOR_FLOATS is off by default). */
    private static JsonNode floating(JsonParser parser) throws IOException {
        return NODES.numberNode(parser.getDoubleValue());
    }
}

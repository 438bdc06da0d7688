package com.crm.leads.app.config;

import com.crm.leads.app.web.UnicodeText;
import com.crm.leads.app.web.UnusableBodyException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON as the contract has it: bytes are UTF-8 and nothing else (no guessing at UTF-16 or UTF-32, no
 * replacement characters for bytes that are not UTF-8), and every name and text value is {@link UnicodeText usable},
 * checked once here for every body the service reads. A number longer than Jackson reads is refused naming its path.
 */
final class StrictJsonFactory extends JsonFactory {

    StrictJsonFactory() {
    }

    private StrictJsonFactory(StrictJsonFactory source) {
        super(source, null);
    }

    @Override
    public JsonFactory copy() {
        return new StrictJsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        // a decoder that reports what is not UTF-8, where Jackson's own byte reader would guess at other encodings
        Reader utf8 = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new CheckedParser(super._createParser(utf8, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new CheckedParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new CheckedParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return _createParser(new ByteArrayInputStream(data, offset, length), context);
    }

    /** Checks each name and text value as it is read. */
    private static final class CheckedParser extends JsonParserDelegate {

        CheckedParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token;
            try {
                token = super.nextToken();
            } catch (StreamConstraintsException tooLong) {
                if (getParsingContext().getNestingDepth() >= streamReadConstraints().getMaxNestingDepth()) {
                    throw tooLong;
                }
                String path = path(getParsingContext());
                throw new UnusableBodyException(this, path, path + " is longer than a value may be");
            }
            if (token == JsonToken.FIELD_NAME && !UnicodeText.isUsable(currentName())) {
                String parent = path(getParsingContext().getParent());
                throw new UnusableBodyException(this, parent, UnicodeText.refusal(
                        parent.isEmpty() ? "every parameter name" : "every parameter name in " + parent));
            }
            if (token == JsonToken.VALUE_STRING && !UnicodeText.isUsable(getText())) {
                String path = path(getParsingContext());
                throw new UnusableBodyException(this, path, UnicodeText.refusal(path));
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT && !fitsADouble()) {
                String path = path(getParsingContext());
                throw new UnusableBodyException(this, path, path + " must be a number that 64-bit floating point "
                        + "holds: not beyond 1.7E+308, and not so close to 0 that it reads as 0");
            }
            return token;
        }

        // Jackson's readers also step with these; each goes through nextToken so nothing passes unchecked

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public int nextIntValue(int fallback) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : fallback;
        }

        @Override
        public long nextLongValue(long fallback) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : fallback;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        /** Numbers with a fraction or exponent are read as doubles: one that overflows or vanishes would be another. */
        private boolean fitsADouble() throws IOException {
            double value = getDoubleValue();
            if (Double.isInfinite(value)) {
                return false;
            }
            String mantissa = getText().split("[eE]")[0];
            return value != 0 || mantissa.chars().noneMatch(c -> c >= '1' && c <= '9');
        }

        /** The path of the value being read, as a client writes it: {@code competitors_set[1].action}. */
        private static String path(JsonStreamContext context) {
            if (context == null || context.inRoot()) {
                return "";
            }
            String parent = path(context.getParent());
            if (context.inArray()) {
                return parent + "[" + Math.max(context.getCurrentIndex(), 0) + "]";
            }
            String name = context.getCurrentName();
            if (name == null || !UnicodeText.isUsable(name)) {
                return parent;
            }
            return parent.isEmpty() ? name : parent + "." + name;
        }
    }
}

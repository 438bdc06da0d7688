package com.crm.leads.app.config;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.Reference;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.PeriodUnit;
import com.crm.leads.api.catalogue.Contact;
import com.crm.leads.api.query.HistoryEntry;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.TimePeriod;
import com.crm.leads.app.auth.PersonalData;
import com.crm.leads.app.lead.LeadWireNames;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.time.temporal.ChronoField;

/**
 * The CRM.COM wire format: snake_case names (with {@code udf_string_1}, not {@code udf_string1}), dates as
 * {@code yyyy-MM-dd'T'HH:mm:ss} in the service's zone, and strict input: an unknown parameter, a fraction where
 * a whole number belongs or a number where text belongs is refused rather than guessed at; a body is one JSON object
 * in UTF-8 with usable text (see {@link StrictJsonFactory}). A contact's demographics are written as the
 * request's actor may see them ({@link PersonalData}).
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    public static final PropertyNamingStrategies.NamingBase CRM_NAMING = new PropertyNamingStrategies.NamingBase() {
        @Override
        public String translate(String name) {
            return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(name)
                    .replaceAll("(?<=[a-z])(\\d)", "_$1");
        }
    };

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /**
     * A date parameter may be a date and time or a bare date, which means its midnight. Strict: a day its month does
     * not have is refused, not moved to the month's end.
     */
    public static final DateTimeFormatter DATE_PARAMETER = new DateTimeFormatterBuilder()
            // four digits, no sign: a year the service can count from without overflowing
            .appendValue(ChronoField.YEAR, 4)
            .appendPattern("-MM-dd['T'HH:mm:ss]")
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    @Bean
    Jackson2ObjectMapperBuilderCustomizer crmWireFormat(LeadsProperties properties) {
        return wireFormat(properties.zone());
    }

    /** The wire format, with instants written in {@code zone}. */
    public static Jackson2ObjectMapperBuilderCustomizer wireFormat(ZoneId zone) {
        DateTimeFormatter instants = WRITTEN.withZone(zone);
        return builder -> builder
                .factory(new StrictJsonFactory())
                .propertyNamingStrategy(CRM_NAMING)
                // a body is exactly one JSON object: nothing after it, and no key twice at any depth
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .serializerByType(LocalDateTime.class, new LocalDateTimeSerializer(WRITTEN))
                .deserializerByType(LocalDateTime.class, new TextDateDeserializer())
                .serializerByType(FieldValue.class, new FieldValueSerializer())
                .serializerByType(HistoryEntry.Changed.class, new StdSerializer<>(HistoryEntry.Changed.class) {
                    @Override
                    public void serialize(HistoryEntry.Changed value, JsonGenerator generator,
                                          SerializerProvider provider) throws IOException {
                        generator.writeString(LeadWireNames.changed(value));
                    }
                })
                .mixIn(TimePeriod.class, TimePeriodWire.class)
                .mixIn(HistoryEntry.class, HistoryEntryWire.class)
                .mixIn(LeadComplete.class, LeadCompleteWire.class)
                .serializerByType(Instant.class, new StdSerializer<>(Instant.class) {
                    @Override
                    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        generator.writeString(instants.format(value));
                    }
                })
                .postConfigurer(mapper -> {
                    mapper.registerModule(new SimpleModule().addKeySerializer(LeadField.class,
                            new StdSerializer<>(LeadField.class) {
                                @Override
                                public void serialize(LeadField field, JsonGenerator generator,
                                                      SerializerProvider provider) throws IOException {
                                    generator.writeFieldName(LeadWireNames.shownAs(field));
                                }
                            }).setSerializerModifier(new DemographicsAsShown()));
                    // only JSON null clears a field: empty text is no number and no date
                    for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float,
                            LogicalType.DateTime}) {
                        mapper.coercionConfigFor(type)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    }
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
    }

    /**
     * A field's value as a client reads it in a lead's history: text, a number, a date, or the object the lead
     * itself shows for it, without the type tags the event store keeps.
     */
    private static final class FieldValueSerializer extends StdSerializer<FieldValue> {

        private record SourceValue(String type, Reference communication, String name) {
        }

        private record AssignmentValue(Reference unit, Reference user) {
        }

        FieldValueSerializer() {
            super(FieldValue.class);
        }

        @Override
        public void serialize(FieldValue value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            Object plain = value.plain();
            if (value instanceof FieldValue.Period period) {
                plain = new TimePeriod(period.value(), period.unit());
            } else if (value instanceof FieldValue.Source source) {
                plain = new SourceValue(source.type(), source.communication(), source.name());
            } else if (value instanceof FieldValue.Assignment assignment) {
                plain = new AssignmentValue(assignment.unit(), assignment.user());
            }
            provider.defaultSerializeValue(plain, generator);
        }

        @Override
        public void serializeWithType(FieldValue value, JsonGenerator generator, SerializerProvider provider,
                                      TypeSerializer typeSerializer) throws IOException {
            serialize(value, generator, provider);
        }
    }

    /**
     * Demographics, wherever they stand in an answer, pass {@link PersonalData#asShown} on their way to the
     * ordinary serializer of their record.
     */
    private static final class DemographicsAsShown extends BeanSerializerModifier {

        @Override
        public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                  JsonSerializer<?> serializer) {
            if (description.getBeanClass() != Contact.Demographics.class) {
                return serializer;
            }
            return new StdDelegatingSerializer(new StdConverter<Object, Object>() {
                @Override
                public Object convert(Object demographics) {
                    return PersonalData.asShown((Contact.Demographics) demographics);
                }
            }, description.getType(), serializer);
        }
    }

    /** A time period as CRM.COM writes it. */
    private abstract static class TimePeriodWire {
        @JsonProperty("time_period_value")
        abstract Long value();

        @JsonProperty("time_period_uot")
        abstract PeriodUnit unit();
    }

    /** A history entry names what it changed {@code field}. */
    private abstract static class HistoryEntryWire {
        @JsonProperty("field")
        abstract HistoryEntry.Changed changed();
    }

    /** A lead's fields stand beside its other properties, each under its name in a lead. */
    private abstract static class LeadCompleteWire {
        @JsonAnyGetter
        abstract Map<LeadField, Object> fields();
    }

    /** Dates are text, as the contract writes them; Jackson's other shapes for them (arrays, numbers) are refused. */
    private static final class TextDateDeserializer extends LocalDateTimeDeserializer {

        TextDateDeserializer() {
            super(DATE_PARAMETER);
        }

        @Override
        public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDateTime) context.handleUnexpectedToken(LocalDateTime.class, parser);
            }
            return super.deserialize(parser, context);
        }
    }

    /**
     * Declared because Axon's own mapper below would otherwise stand in for Spring Boot's: HTTP gets the wire
     * format, the event store gets {@code defaultAxonObjectMapper}.
     */
    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }
}

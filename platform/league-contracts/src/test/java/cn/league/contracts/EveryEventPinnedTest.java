package cn.league.contracts;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Pins the JSON of every event type in the contracts, found by walking the compiled classes: a renamed, removed or
 * added field, a renamed type or a new event without a pin fails the build, since a consumer somewhere reads it.
 * <p>
 * Each event is filled with values derived from its field names and types (no hand-written sample to forget) and
 * written as the whole envelope; the pin is {@code src/test/resources/pinned-events/<type>.json}. For a new event
 * type, or a deliberate new version, write its pin with {@code -Dcontracts.pin=write} and review the file.
 */
class EveryEventPinnedTest {

    private static final Path PINS = Path.of("src/test/resources/pinned-events");
    private static final UUID EVENT_ID = UUID.fromString("0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10");
    private static final Instant AT = Instant.parse("2027-06-01T08:00:00Z");

    @TestFactory
    Stream<DynamicTest> everyEventTypeIsPinned() throws Exception {
        boolean write = "write".equals(System.getProperty("contracts.pin"));
        return eventClasses().stream().map(type -> DynamicTest.dynamicTest(EventEnvelope.typeOf(type), () -> {
            Object event = sample(type);
            String json = EventJson.write(new EventEnvelope<>(EVENT_ID, EventEnvelope.typeOf(type), AT, "aggregate-1",
                    "1.3.27", null, event));
            assertThat(EventJson.dataAs(EventJson.read(json), type)).as("reads back as written").isEqualTo(event);
            Path pin = PINS.resolve(EventEnvelope.typeOf(type) + ".json");
            if (write) {
                Files.createDirectories(PINS);
                Files.writeString(pin, json + "\n");
            } else if (!Files.exists(pin)) {
                fail("%s has no pin; write it with -Dcontracts.pin=write and review %s", type.getName(), pin);
            }
            assertThat(json).isEqualTo(Files.readString(pin).strip());
        }));
    }

    @Test
    void everyPinBelongsToAnEventType() throws Exception {
        Set<String> types = new TreeSet<>();
        for (Class<?> type : eventClasses()) {
            assertThat(types.add(EventEnvelope.typeOf(type))).as("type named once: " + type).isTrue();
        }
        try (Stream<Path> pins = Files.list(PINS)) {
            assertThat(pins.map(pin -> pin.getFileName().toString().replaceFirst("\\.json$", "")))
                    .as("pins of event types that no longer exist").allMatch(types::contains);
        }
    }

    /** Every record annotated with {@link EventType} under {@code cn.league.contracts}. */
    static List<Class<?>> eventClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(EventType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name);
                if (type.isRecord() && type.isAnnotationPresent(EventType.class)) {
                    classes.add(type);
                }
            }
        }
        assertThat(classes).isNotEmpty();
        return classes;
    }

    /** A value for every component, derived from its name and type, the same on every run. */
    static Object sample(Class<?> record) throws ReflectiveOperationException {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType(), i);
        }
        Constructor<?> canonical = record.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    private static Object value(String name, Type generic, int position) throws ReflectiveOperationException {
        Class<?> type = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        long number = 100 + position;
        if (type == String.class) {
            return name.toLowerCase().contains("idnumber") ? "11010119950315123X" : name + "-value";
        }
        if (type == long.class || type == Long.class) {
            return number;
        }
        if (type == int.class || type == Integer.class) {
            return (int) number;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == Instant.class) {
            return AT.plusSeconds(number);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2027, 6, 1).plusDays(position);
        }
        if (type == UUID.class) {
            return EVENT_ID;
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[position % constants.length];
        }
        if (type.isRecord()) {
            return sample(type);
        }
        if (type == List.class || type == Set.class || type == Map.class) {
            Type[] arguments = ((ParameterizedType) generic).getActualTypeArguments();
            if (type == Map.class) {
                Map<Object, Object> map = new HashMap<>();
                map.put(value(name + "Key", arguments[0], position), value(name, arguments[1], position));
                return map;
            }
            Object element = value(name, arguments[0], position);
            return type == List.class ? List.of(element) : Set.of(element);
        }
        throw new IllegalStateException("no sample value for " + name + " of " + generic
                + "; teach EveryEventPinnedTest this type");
    }
}

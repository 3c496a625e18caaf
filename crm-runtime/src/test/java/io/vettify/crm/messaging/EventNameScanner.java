package io.vettify.crm.messaging;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the event names production code publishes or consumes, and the queue and exchange names it uses, in Java
 * sources and in application.properties, for {@link EventContractTest}. A source-level scan: it reads string
 * literals (comments and text blocks are ignored) and a few known forms.
 *
 * <ul>
 *   <li>{@code <domainEvents>.record(<type>, ...)}: the type must be a constant of {@link EventTypes} (or a
 *       literal); anything else is a problem, since it cannot be checked.</li>
 *   <li>{@code @Incoming/@Outgoing/@Channel("a.b.c")}: a channel name with dots is an event name.</li>
 *   <li>In messaging code (the {@code messaging} package, or a file importing it, RabbitMQ or Reactive
 *       Messaging): every literal shaped like a dotted name with three or more segments is an event name, except
 *       in the runtime's own namespaces ({@code vettify.*}: configuration keys, metric names, exchanges and
 *       queues) and Java/framework ones, and except configuration keys and metric names ({@code @ConfigProperty},
 *       {@code getValue}, Micrometer builders). {@code vettify.crm.*} literals are queue names, {@code vettify.events.*}
 *       exchange names.</li>
 *   <li>application.properties: {@code mp.messaging.*.routing-keys} are event names, {@code queue.name} and
 *       {@code dead-letter-queue-name} queues, {@code exchange.name} and {@code dead-letter-exchange} exchanges.</li>
 * </ul>
 */
final class EventNameScanner {

    enum Kind {
        /** Published through the outbox: {@code DomainEvents.record}. */
        RECORDED,
        /** A Reactive Messaging channel annotation, or an incoming channel's routing keys. */
        INCOMING,
        OUTGOING,
        /** Any other literal of messaging code that looks like an event name. */
        LITERAL,
        QUEUE,
        EXCHANGE
    }

    record Usage(String where, Kind kind, String name) {
    }

    record Result(List<Usage> usages, List<String> problems) {
    }

    /** A literal shaped like a dotted name of three or more segments (any case, so that a wrong case is found). */
    private static final Pattern DOTTED = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*){2,}$");
    private static final List<String> NOT_EVENT_NAMESPACES = List.of("vettify.", "quarkus.", "mp.", "smallrye.",
            "java.", "javax.", "jakarta.", "io.", "com.", "org.", "net.");
    private static final Pattern MESSAGING_IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?"
            + "(io\\.vettify\\.crm\\.messaging|com\\.rabbitmq|org\\.eclipse\\.microprofile\\.reactive\\.messaging"
            + "|io\\.smallrye\\.reactive\\.messaging)\\.", Pattern.MULTILINE);
    private static final Pattern CHANNEL_ANNOTATION = Pattern.compile(
            "@(Incoming|Outgoing|Channel)\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"");
    private static final Pattern DOMAIN_EVENTS_VARIABLE = Pattern.compile("\\bDomainEvents\\s+(\\w+)\\s*[;,)=]");
    /** What comes right before a literal that names a configuration key or a metric, not an event or a queue. */
    private static final Pattern NOT_A_NAME_CONTEXT = Pattern.compile("(@ConfigProperty\\s*\\(\\s*name\\s*=\\s*"
            + "|\\b(?:getValue|getOptionalValue)\\s*\\(\\s*"
            + "|\\b(?:Gauge|Counter|Timer|DistributionSummary|LongTaskTimer|FunctionCounter)\\s*\\.\\s*builder\\s*\\(\\s*"
            + "|\\.\\s*(?:counter|timer|gauge|summary)\\s*\\(\\s*)$");
    private static final Pattern CONSTANT = Pattern.compile("^(?:EventTypes\\.)?([A-Z][A-Z0-9_]*)$");
    private static final Pattern LITERAL = Pattern.compile("^\"([^\"]*)\"$");
    private static final Pattern MESSAGING_PROPERTY = Pattern.compile(
            "^\\s*(?:%[\\w-]+\\.)?mp\\.messaging\\.(incoming|outgoing)\\.([^.=\\s]+|\"[^\"]+\")\\."
                    + "(routing-keys|queue\\.name|dead-letter-queue-name|exchange\\.name|dead-letter-exchange)"
                    + "\\s*[=:]\\s*(.*?)\\s*$");

    private final List<Usage> usages = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    Result result() {
        return new Result(List.copyOf(usages), List.copyOf(problems));
    }

    /** Scans one Java source file. */
    EventNameScanner java(String file, String source) {
        Lexed lexed = Lexed.of(source);
        String code = lexed.code();
        boolean messaging = file.replace('\\', '/').contains("/io/vettify/crm/messaging/")
                || MESSAGING_IMPORT.matcher(code).find();

        Matcher annotation = CHANNEL_ANNOTATION.matcher(code);
        while (annotation.find()) {
            String channel = annotation.group(2);
            if (channel.contains(".")) {
                Kind kind = annotation.group(1).equals("Incoming") ? Kind.INCOMING
                        : annotation.group(1).equals("Outgoing") ? Kind.OUTGOING : Kind.LITERAL;
                usages.add(new Usage(file + ":" + lexed.line(annotation.start()), kind, channel));
            }
        }

        Set<String> domainEvents = new HashSet<>();
        Matcher variable = DOMAIN_EVENTS_VARIABLE.matcher(code);
        while (variable.find()) {
            domainEvents.add(variable.group(1));
        }
        for (String receiver : domainEvents) {
            Matcher call = Pattern.compile("\\b" + Pattern.quote(receiver) + "\\s*\\.\\s*record\\s*\\(").matcher(code);
            while (call.find()) {
                String where = file + ":" + lexed.line(call.start());
                String argument = firstArgument(code, call.end()).trim();
                Matcher constant = CONSTANT.matcher(argument);
                Matcher literal = LITERAL.matcher(argument);
                if (constant.matches()) {
                    Optional<String> value = eventTypesConstant(constant.group(1));
                    if (value.isPresent()) {
                        usages.add(new Usage(where, Kind.RECORDED, value.get()));
                    } else {
                        problems.add(where + ": records " + argument + ", which is not a constant of EventTypes");
                    }
                } else if (literal.matches()) {
                    usages.add(new Usage(where, Kind.RECORDED, literal.group(1)));
                } else {
                    problems.add(where + ": records an event type that is neither a constant of EventTypes nor a"
                            + " literal, so no test can check it: " + argument);
                }
            }
        }

        if (messaging) {
            for (Lexed.Literal literal : lexed.literals()) {
                String value = literal.value();
                if (literal.textBlock() || !DOTTED.matcher(value).matches()) {
                    continue;
                }
                String where = file + ":" + lexed.line(literal.offset());
                if (NOT_A_NAME_CONTEXT.matcher(code.substring(Math.max(0, literal.offset() - 80), literal.offset()))
                        .find()) {
                    continue;
                }
                if (value.startsWith("vettify.crm.")) {
                    usages.add(new Usage(where, Kind.QUEUE, value));
                } else if (value.startsWith("vettify.events.")) {
                    usages.add(new Usage(where, Kind.EXCHANGE, value));
                } else if (NOT_EVENT_NAMESPACES.stream().noneMatch(value::startsWith) && usages.stream()
                        .noneMatch(u -> u.where().equals(where) && u.name().equals(value))) {
                    usages.add(new Usage(where, Kind.LITERAL, value));
                }
            }
        }
        return this;
    }

    /** Scans application.properties for the Reactive Messaging channels' routing keys, queues and exchanges. */
    EventNameScanner properties(String file, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher property = MESSAGING_PROPERTY.matcher(lines[i]);
            if (!property.matches() || property.group(4).contains("${")) {
                continue;
            }
            String where = file + ":" + (i + 1);
            String value = property.group(4);
            switch (property.group(3)) {
                case "routing-keys" -> {
                    Kind kind = property.group(1).equals("incoming") ? Kind.INCOMING : Kind.OUTGOING;
                    for (String key : value.split(",")) {
                        if (!key.isBlank()) {
                            usages.add(new Usage(where, kind, key.trim()));
                        }
                    }
                }
                case "queue.name", "dead-letter-queue-name" -> usages.add(new Usage(where, Kind.QUEUE, value));
                default -> usages.add(new Usage(where, Kind.EXCHANGE, value));
            }
        }
        return this;
    }

    private static Optional<String> eventTypesConstant(String name) {
        try {
            Field field = EventTypes.class.getField(name);
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                return Optional.of((String) field.get(null));
            }
            return Optional.empty();
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /** The text of a call's first argument, from just after its opening parenthesis. */
    private static String firstArgument(String code, int from) {
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                return code.substring(from, i);
            }
        }
        return code.substring(from);
    }

    /** Java source with comments blanked out, and its string literals. */
    record Lexed(String code, List<Literal> literals, int[] lineStarts) {

        record Literal(int offset, String value, boolean textBlock) {
        }

        static Lexed of(String source) {
            StringBuilder code = new StringBuilder(source);
            List<Literal> literals = new ArrayList<>();
            int n = source.length();
            int i = 0;
            while (i < n) {
                char c = source.charAt(i);
                char next = i + 1 < n ? source.charAt(i + 1) : '\0';
                if (c == '/' && next == '/') {
                    int end = source.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    blank(code, i, end);
                    i = end;
                } else if (c == '/' && next == '*') {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    blank(code, i, end);
                    i = end;
                } else if (source.startsWith("\"\"\"", i)) {
                    int j = i + 3;
                    while (j < n && !source.startsWith("\"\"\"", j)) {
                        j += source.charAt(j) == '\\' ? 2 : 1;
                    }
                    literals.add(new Literal(i, source.substring(i + 3, Math.min(j, n)), true));
                    i = Math.min(j + 3, n);
                } else if (c == '"' || c == '\'') {
                    StringBuilder value = new StringBuilder();
                    int j = i + 1;
                    while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                        if (source.charAt(j) == '\\' && j + 1 < n) {
                            value.append(source.charAt(j + 1));
                            j += 2;
                        } else {
                            value.append(source.charAt(j++));
                        }
                    }
                    if (c == '"') {
                        literals.add(new Literal(i, value.toString(), false));
                    }
                    i = j + 1;
                } else {
                    i++;
                }
            }
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int k = 0; k < n; k++) {
                if (source.charAt(k) == '\n') {
                    starts.add(k + 1);
                }
            }
            return new Lexed(code.toString(), literals, starts.stream().mapToInt(Integer::intValue).toArray());
        }

        private static void blank(StringBuilder code, int from, int to) {
            for (int k = from; k < to; k++) {
                if (code.charAt(k) != '\n') {
                    code.setCharAt(k, ' ');
                }
            }
        }

        int line(int offset) {
            int line = java.util.Arrays.binarySearch(lineStarts, offset);
            return line >= 0 ? line + 1 : -line - 1;
        }
    }
}

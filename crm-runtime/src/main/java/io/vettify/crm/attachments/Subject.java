package io.vettify.crm.attachments;

import java.util.Arrays;
import java.util.UUID;

/** What an attachment belongs to: an account or a contact. */
public record Subject(Type type, UUID id) {

    public enum Type {
        ACCOUNT("account", "accountId"),
        CONTACT("contact", "contactId");

        private final String name;
        private final String property;

        Type(String name, String property) {
            this.name = name;
            this.property = property;
        }

        /** As stored in {@code subject_type} and named in the API. */
        public String typeName() {
            return name;
        }

        String property() {
            return property;
        }

        public static Type of(String name) {
            return Arrays.stream(values()).filter(t -> t.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no attachment subject type " + name));
        }
    }

    public static Subject account(UUID id) {
        return new Subject(Type.ACCOUNT, id);
    }

    public static Subject contact(UUID id) {
        return new Subject(Type.CONTACT, id);
    }
}

package io.vettify.crm.workers;

import java.util.List;

/** The workers of the fleet (PRODUCT.md §7): each name is the routing key of its requests on {@code vettify.workers}. */
public final class Workers {

    public static final String ANAF_TAXPAYER = "anaf.taxpayer";
    public static final String REGES = "reges";
    public static final String AI_SUMMARY = "ai.summary";
    public static final String AI_CHURN = "ai.churn";
    public static final String EMAIL_SEND = "email.send";
    public static final String PDF_RENDER = "pdf.render";

    /** The workers the runtime calls; each has a request and a response schema under {@code workers/schemas/}. */
    public static final List<String> ALL = List.of(ANAF_TAXPAYER, REGES, AI_SUMMARY, AI_CHURN, EMAIL_SEND, PDF_RENDER);

    private Workers() {
    }
}

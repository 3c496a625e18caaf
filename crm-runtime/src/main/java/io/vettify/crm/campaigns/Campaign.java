package io.vettify.crm.campaigns;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(schema = "crm", name = "campaigns")
public class Campaign extends CrmEntity {

    public String name;

    public String subject;

    /** Sanitized HTML: only formatting, blocks, links, images, styles and tables survive. */
    @Column(name = "body_html")
    public String bodyHtml;

    @JdbcTypeCode(SqlTypes.JSON)
    public Audience audience;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status = CampaignStatus.DRAFT;

    public int recipients;
    public int sent;
    public int delivered;
    public int bounced;
    public int opened;
    public int clicked;
}

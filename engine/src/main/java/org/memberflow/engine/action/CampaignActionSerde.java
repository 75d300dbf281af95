package org.memberflow.engine.action;

import java.util.Map;
import org.memberflow.engine.json.StreamingJsonSerde;
import tools.jackson.core.JsonGenerator;

/** {@code campaign-decisions} and {@code campaign-actions} JSON (see {@link StreamingJsonSerde}). */
public final class CampaignActionSerde extends StreamingJsonSerde<CampaignAction> {

    public CampaignActionSerde() {
        super(CampaignAction.class);
    }

    @Override
    protected void writeProperties(JsonGenerator g, CampaignAction a) {
        g.writeStringProperty("actionId", a.actionId());
        g.writeStringProperty("brandId", a.brandId());
        g.writeStringProperty("memberId", a.memberId());
        g.writeStringProperty("campaignId", a.campaignId());
        g.writeStringProperty("periodKey", a.periodKey());
        g.writeStringProperty("type", a.type() == null ? null : a.type().name());
        g.writeName("params");
        g.writeStartObject();
        for (Map.Entry<String, String> param : a.params().entrySet()) {
            g.writeStringProperty(param.getKey(), param.getValue());
        }
        g.writeEndObject();
        g.writeStringProperty("rule", a.rule());
        g.writeStringProperty("ruleSetVersion", a.ruleSetVersion());
        g.writeStringProperty("causeEventId", a.causeEventId());
        instant(g, "decidedAt", a.decidedAt());
        instant(g, "notBefore", a.notBefore());
        g.writeStringProperty("timeZone", a.timeZone());
    }
}

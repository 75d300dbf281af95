package org.memberflow.api.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.memberflow.api.campaign.Campaign;
import org.memberflow.api.campaign.CampaignMapper;
import org.memberflow.api.problem.InvalidParameterException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** {@code /}: the dashboard of one brand: classes, segment sizes over time, actions per day, budgets. */
@Controller
class DashboardController {
    static final int MAX_CAMPAIGNS = 200;
    private final DashboardCharts charts;
    private final CampaignMapper campaigns;
    private final JsonMapper json;

    DashboardController(DashboardCharts charts, CampaignMapper campaigns, JsonMapper json) {
        this.charts = charts;
        this.campaigns = campaigns;
        this.json = json;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(defaultValue = "default") String brand, Locale locale, Model model) {
        if (brand.isBlank() || brand.length() > 64) {
            throw new InvalidParameterException("brand", "must be 1 to 64 characters");
        }
        Map<String, Long> live = charts.liveSizes(brand);
        List<Campaign> all = campaigns.findPage(0, MAX_CAMPAIGNS);
        model.addAttribute("brand", brand);
        model.addAttribute("brands", charts.brands());
        model.addAttribute("members", live.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("classesChart", toJson(charts.classes(live, locale)));
        model.addAttribute("sizesChart", toJson(charts.sizesOverTime(brand, live, locale)));
        model.addAttribute("actionsChart", toJson(charts.actionsPerDay(brand, locale)));
        model.addAttribute("budgetChart", toJson(charts.budgetBurn(all, locale)));
        model.addAttribute("budgeted", all.stream().filter(Campaign::hasBudget).toList());
        return "console/dashboard";
    }

    private String toJson(ChartConfig chart) {
        return json.writeValueAsString(chart.toMap());
    }
}

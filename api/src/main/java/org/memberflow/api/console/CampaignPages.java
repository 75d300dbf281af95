package org.memberflow.api.console;

import org.memberflow.api.campaign.Campaign;
import org.memberflow.api.campaign.CampaignMapper;
import org.memberflow.api.campaign.CampaignReport;
import org.memberflow.api.campaign.CampaignStatus;
import org.memberflow.api.problem.InvalidParameterException;
import org.memberflow.api.problem.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaigns: their limits and what they spent, one campaign's results and lift, and (for a
 * MARKETER) pausing and resuming it, which is a PUT of its settings with another status.
 */
@Controller
class CampaignPages {
    private final CampaignMapper campaigns;
    private final CampaignReport report;

    CampaignPages(CampaignMapper campaigns, CampaignReport report) {
        this.campaigns = campaigns;
        this.report = report;
    }

    @GetMapping("/console/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.findPage(0, DashboardController.MAX_CAMPAIGNS));
        model.addAttribute("total", campaigns.count());
        return "console/campaigns";
    }

    /** A campaign's results; also for a campaign id the rules use without settings of its own. */
    @GetMapping("/console/campaigns/{campaignId}")
    String campaign(@PathVariable String campaignId, Model model) {
        checkId(campaignId);
        Campaign campaign = campaigns.findById(campaignId);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("results", report.of(campaignId, campaign, null));
        return "console/campaign";
    }

    @PostMapping("/console/campaigns/{campaignId}/status")
    String status(@PathVariable String campaignId, @RequestParam CampaignStatus status, RedirectAttributes redirect) {
        checkId(campaignId);
        Campaign c = campaigns.findById(campaignId);
        if (c == null) {
            throw new NotFoundException("campaign", "no campaign " + campaignId);
        }
        campaigns.upsert(new Campaign(c.campaignId(), c.name(), status, c.budgetCount(), c.budgetValue(), c.spentCount(),
                c.spentValue(), c.capCount(), c.capPeriodDays(), c.holdoutPercent(), c.quietStart(), c.quietEnd(),
                c.quietPolicy(), c.conversionDays(), c.createdAt(), c.updatedAt()));
        redirect.addFlashAttribute("notice", status == CampaignStatus.PAUSED ? "notice.paused" : "notice.resumed");
        return "redirect:/console/campaigns/" + campaignId;
    }

    private static void checkId(String campaignId) {
        if (campaignId.length() > 64) {
            throw new InvalidParameterException("campaignId", "must be at most 64 characters");
        }
    }
}

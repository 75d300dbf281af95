package org.memberflow.api.console;

import org.memberflow.api.campaign.Campaign;
import org.memberflow.api.campaign.CampaignIds;
import org.memberflow.api.campaign.CampaignMapper;
import org.memberflow.api.campaign.CampaignReport;
import org.memberflow.api.campaign.CampaignStatus;
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
 * MARKETER) pausing and resuming it, which changes its status only.
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
        CampaignIds.check(campaignId);
        Campaign campaign = campaigns.findById(campaignId);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("results", report.of(campaignId, campaign, null));
        return "console/campaign";
    }

    @PostMapping("/console/campaigns/{campaignId}/status")
    String status(@PathVariable String campaignId, @RequestParam CampaignStatus status, RedirectAttributes redirect) {
        CampaignIds.check(campaignId);
        // The status alone: a PUT of the settings through the API meanwhile is not undone.
        if (campaigns.updateStatus(campaignId, status) == 0) {
            throw new NotFoundException("campaign", "no campaign " + campaignId);
        }
        redirect.addFlashAttribute("notice", status == CampaignStatus.PAUSED ? "notice.paused" : "notice.resumed");
        // A template: RedirectView encodes the id (any characters) into the path.
        return "redirect:/console/campaigns/{campaignId}";
    }
}

package org.memberflow.api.job;

import java.util.List;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled jobs and their default schedules (Asia/Shanghai): the three sweeps that wake the
 * time-based campaigns, the nightly RFM breakpoints before them, and the day's segment sizes for
 * the console. Added to the clustered scheduler only when missing; change them through
 * {@code /api/v1/jobs}.
 *
 * <p>Misfires (every server down at the fire time): fire once as soon as a server is up, then go
 * on with the schedule. A day is never skipped, and a tick or breakpoints run twice does nothing
 * twice.
 */
@Configuration(proxyBeanMethods = false)
class JobDefinitions {
    static final String GROUP = "memberflow";
    static final String ZONE = "Asia/Shanghai";

    /** A job and its default schedule. */
    record Definition(String name, Class<? extends Job> type, String cron, String description) {
    }

    static final List<Definition> ALL = List.of(
            new Definition("rfm-breakpoints", BreakpointsJob.class, "0 30 1 * * ?",
                    "RFM quintiles and means from the member table, published on rfm-breakpoints"),
            new Definition("birthday", TickJob.class, "0 0 2 * * ?", "wakes the birthday campaigns"),
            new Definition("points-expiry", TickJob.class, "0 10 2 * * ?", "wakes the points-expiry reminders"),
            new Definition("inactivity", TickJob.class, "0 20 2 * * ?", "wakes churn recall and RFM decay"),
            new Definition("segment-sizes", SegmentSizesJob.class, "0 55 23 * * ?",
                    "records every segment's size as the day's point of the console's history"));

    /**
     * With {@code memberflow.jobs.paused} the schedules do not fire (jobs still run by hand through
     * the API): for test servers, whose sweeps and breakpoints must not start on the clock, and for
     * maintenance. Paused or resumed at every start, in the shared store, so the last server to
     * start decides for the cluster.
     */
    @Bean
    SchedulesPaused schedulesPaused(Scheduler scheduler, TransactionTemplate transactions,
            @Value("${memberflow.jobs.paused:false}") boolean paused) {
        transactions.executeWithoutResult(tx -> {
            try {
                if (paused) {
                    scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(GROUP));
                } else {
                    scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(GROUP));
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot " + (paused ? "pause" : "resume") + " the job schedules", e);
            }
        });
        return new SchedulesPaused(paused);
    }

    /** Whether the schedules were paused at start. */
    record SchedulesPaused(boolean paused) {
    }

    /** Gives the scheduler the jobs and triggers; with overwrite-existing-jobs off, only the missing ones are added. */
    @Bean
    SchedulerFactoryBeanCustomizer memberflowJobs() {
        return scheduler -> {
            scheduler.setJobDetails(ALL.stream().map(d -> JobBuilder.newJob(d.type()).withIdentity(d.name(), GROUP)
                    .withDescription(d.description()).storeDurably().requestRecovery().build())
                    .toArray(JobDetail[]::new));
            scheduler.setTriggers(ALL.stream().map(d -> TriggerBuilder.newTrigger().withIdentity(d.name(), GROUP)
                    .forJob(d.name(), GROUP)
                    .withSchedule(CronScheduleBuilder.cronSchedule(d.cron()).inTimeZone(TimeZone.getTimeZone(ZONE))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build()).toArray(Trigger[]::new));
        };
    }
}

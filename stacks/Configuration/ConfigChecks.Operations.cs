using System.Text.RegularExpressions;

namespace Toolkit.Stacks.Configuration;

public static partial class ConfigChecks
{
    private sealed partial class CheckRun
    {
        /// <summary>An AWS Backup schedule: <c>cron(</c> six fields <c>)</c> (minutes hours day-of-month month day-of-week year).</summary>
        private static readonly Regex Cron = new(@"^cron\(\S+( \S+){5}\)$", RegexOptions.CultureInvariant);

        /// <summary>The <c>backups:</c> section: a real copy region outside the primary and inside the data residency, a cron schedule.</summary>
        public void Backups()
        {
            var backups = config.Backups;
            if (!Cron.IsMatch(backups.Schedule))
                Error(ConfigErrorCodes.InvalidValue,
                    $"'backups.schedule' must be an AWS Backup cron expression with six fields in UTC, like {BackupConfig.DefaultSchedule}, not '{backups.Schedule}'", "backups.schedule");
            if (backups.CopyRegion is not { } copy) return;
            const string path = "backups.copyRegion";
            var residency = config.Compliance.DataResidency;
            if (catalogue.Region(copy) is null)
                Error(ConfigErrorCodes.InvalidRegion,
                    $"'{copy}' is not an AWS region id{ClosestMatch.Hint(copy, catalogue.Regions.Select(r => r.Id))}; the copy region is where backups are copied for disaster recovery", path);
            else if (config.Deployment.Regions.Count > 0 && copy == config.Deployment.Regions[0])
                Error(ConfigErrorCodes.InvalidValue, $"'{path}' is the primary region '{copy}'; a disaster-recovery copy must live in another region", path);
            else if (residency.ProhibitedRegions.Contains(copy) || (residency.AllowedRegions.Count > 0 && !residency.AllowedRegions.Contains(copy)))
                Error(ConfigErrorCodes.InvalidValue,
                    $"'{path}' region '{copy}' is outside compliance.dataResidency (backups are data too); choose an allowed region", path);
        }
    }
}

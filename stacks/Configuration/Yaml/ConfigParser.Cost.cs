namespace Toolkit.Stacks.Configuration.Yaml;

internal sealed partial class ConfigParser
{
    public static readonly string[] CostAssumptionKeys =
    [
        "requestsPerUser", "egressGbPerUser", "storageGbPerUser", "databaseGbPerUser", "emailsPerUser", "aiRequestsPerUser",
        "aiInputTokensPerRequest", "aiOutputTokensPerRequest", "logKbPerRequest", "databaseIoPerRequest",
        "storageReadsPerRequest", "storageWritesPerRequest", "natGbPerUser",
    ];

    private CostAssumptions ReadCostAssumptions(MappingReader top)
    {
        var d = new CostAssumptions();
        var s = top.Mapping("costAssumptions", CostAssumptionKeys);
        if (s is null) return d;
        const double Max = 1e9;
        return new CostAssumptions
        {
            RequestsPerUser = s.Number("requestsPerUser", d.RequestsPerUser, 0, Max),
            EgressGbPerUser = s.Number("egressGbPerUser", d.EgressGbPerUser, 0, Max),
            StorageGbPerUser = s.Number("storageGbPerUser", d.StorageGbPerUser, 0, Max),
            DatabaseGbPerUser = s.Number("databaseGbPerUser", d.DatabaseGbPerUser, 0, Max),
            EmailsPerUser = s.Number("emailsPerUser", d.EmailsPerUser, 0, Max),
            AiRequestsPerUser = s.Number("aiRequestsPerUser", d.AiRequestsPerUser, 0, Max),
            AiInputTokensPerRequest = s.Number("aiInputTokensPerRequest", d.AiInputTokensPerRequest, 0, Max),
            AiOutputTokensPerRequest = s.Number("aiOutputTokensPerRequest", d.AiOutputTokensPerRequest, 0, Max),
            LogKbPerRequest = s.Number("logKbPerRequest", d.LogKbPerRequest, 0, Max),
            DatabaseIoPerRequest = s.Number("databaseIoPerRequest", d.DatabaseIoPerRequest, 0, Max),
            StorageReadsPerRequest = s.Number("storageReadsPerRequest", d.StorageReadsPerRequest, 0, Max),
            StorageWritesPerRequest = s.Number("storageWritesPerRequest", d.StorageWritesPerRequest, 0, Max),
            NatGbPerUser = s.Number("natGbPerUser", d.NatGbPerUser, 0, Max),
        };
    }
}

using System.Globalization;

namespace Toolkit.Stacks.Configuration.Yaml;

internal sealed partial class ConfigParser
{
    public static readonly string[] AcknowledgementKeys = ["id", "reason", "by", "until"];

    /// <summary><c>acknowledgements:</c>, a list of <c>{ id, reason, by, until: YYYY-MM-DD }</c>, all four required.</summary>
    private List<Acknowledgement> ReadAcknowledgements(MappingReader top) =>
        top.List("acknowledgements", (node, path) =>
        {
            var entry = MappingReader.Open(context, node, path, AcknowledgementKeys);
            if (entry is null) return null;
            var id = entry.Text("id", required: true)!;
            var reason = entry.Text("reason", required: true)!;
            var by = entry.Text("by", required: true)!;
            var until = entry.Text("until", required: true)!;
            if (until.Length > 0 && !DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                context.Error(ConfigErrorCodes.InvalidValue, $"'{path}.until' must be a date written YYYY-MM-DD (the last day the acknowledgement holds), not '{until}'",
                    entry.Get("until")!, $"{path}.until");
            var day = DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateOnly.MinValue;
            return new Acknowledgement(id, reason, by, day) { Location = context.At(node) };
        }) ?? [];
}

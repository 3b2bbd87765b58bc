using System.Globalization;
using DbUp.Engine.Output;

namespace Toolkit.Database.Execution.DbUp;

/// <summary>DbUp's log seam: warnings reach our log; DbUp's progress and error lines are dropped, because the result carries the error and we report it once.</summary>
internal sealed class UpgradeLogAdapter(IScriptLog log) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args) { }
    public void LogDebug(string format, params object[] args) { }
    public void LogInformation(string format, params object[] args) { }
    public void LogWarning(string format, params object[] args) => log.Warning(string.Format(CultureInfo.InvariantCulture, format, args));
    public void LogError(string format, params object[] args) { }
    public void LogError(Exception ex, string format, params object[] args) { }
}

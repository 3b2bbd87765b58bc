using System.Data.Common;
using Toolkit.Core.Processes;

namespace Toolkit.Cli.Commands;

/// <summary>Maps database and missing-tool failures of the db and tenants verbs to messages and exit codes (no stack traces).</summary>
internal static class CommandGuard
{
    /// <summary>Runs <paramref name="body"/>; a database error exits 1, a missing tool exits 3.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (DbException e)
        {
            await Console.Error.WriteLineAsync($"error: database: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (ProcessNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message} Install the PostgreSQL client tools (apt-get install postgresql-client).");
            return ExitCodes.MissingTool;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await Console.Error.WriteLineAsync($"error: cannot reach the database: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}

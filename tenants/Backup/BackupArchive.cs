using System.Formats.Tar;
using System.Security.Cryptography;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Tenants.Backup;

/// <summary>
/// The backup file: a POSIX tar (readable with <c>tar tf</c>) whose first entry is <c>manifest.json</c>,
/// then one <c>data/NNN-TABLE.copy</c> entry per table in PostgreSQL binary COPY format.
/// </summary>
public static class BackupArchive
{
    /// <summary>The manifest's entry name.</summary>
    public const string ManifestEntry = "manifest.json";

    /// <summary>Writes the archive to <paramref name="file"/> (via a temporary file, renamed at the end) and returns its SHA-256.</summary>
    public static async Task<string> WriteAsync(string file, BackupManifest manifest, string dataDirectory, CancellationToken cancellationToken)
    {
        var partial = file + ".partial";
        await using (var stream = File.Create(partial))
        await using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: false))
        {
            var json = System.Text.Encoding.UTF8.GetBytes(manifest.ToJson());
            var entry = new PaxTarEntry(TarEntryType.RegularFile, ManifestEntry) { DataStream = new MemoryStream(json), ModificationTime = manifest.CreatedAt };
            await tar.WriteEntryAsync(entry, cancellationToken);
            foreach (var table in manifest.Tables)
            {
                await using var data = File.OpenRead(Path.Combine(dataDirectory, Path.GetFileName(table.Entry)));
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, table.Entry) { DataStream = data, ModificationTime = manifest.CreatedAt }, cancellationToken);
            }
        }
        File.Move(partial, file, overwrite: true);
        return await Sha256Async(file, cancellationToken);
    }

    /// <summary>Reads the manifest of <paramref name="file"/>.</summary>
    public static async Task<BackupManifest> ReadManifestAsync(string file, CancellationToken cancellationToken)
    {
        await using var reader = Open(file, out var stream);
        await using var _ = stream;
        var entry = await NextAsync(reader, file, cancellationToken);
        if (entry?.Name != ManifestEntry || entry.DataStream is null)
            throw new DiagnosticException(Diagnostic.Error("tenant-backup", $"'{file}' has no {ManifestEntry} first: not a tenant backup", new SourceLocation(file, 1, 1)));
        using var text = new StreamReader(entry.DataStream);
        return BackupManifest.Parse(await text.ReadToEndAsync(cancellationToken), file);
    }

    /// <summary>Calls <paramref name="each"/> with each table's data stream, in the manifest's order.</summary>
    public static async Task ReadTablesAsync(string file, BackupManifest manifest, Func<BackupTable, Stream, Task> each, CancellationToken cancellationToken)
    {
        await using var reader = Open(file, out var stream);
        await using var _ = stream;
        await NextAsync(reader, file, cancellationToken);
        foreach (var table in manifest.Tables)
        {
            var entry = await NextAsync(reader, file, cancellationToken);
            if (entry?.Name != table.Entry || entry.DataStream is null)
                throw new DiagnosticException(Diagnostic.Error("tenant-backup", $"'{file}' lacks the data of table {table.Name} ({table.Entry}): the file is truncated or altered", new SourceLocation(file, 1, 1)));
            await each(table, entry.DataStream);
        }
    }

    /// <summary>The SHA-256 of a file, as <c>sha256:</c> and hex.</summary>
    public static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static TarReader Open(string file, out Stream stream)
    {
        try { stream = File.OpenRead(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(Diagnostic.Error("tenant-backup", $"cannot read backup '{file}': {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}", new SourceLocation(file, 1, 1)));
        }
        return new TarReader(stream, leaveOpen: true);
    }

    private static async Task<TarEntry?> NextAsync(TarReader reader, string file, CancellationToken cancellationToken)
    {
        try { return await reader.GetNextEntryAsync(copyData: false, cancellationToken); }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new DiagnosticException(Diagnostic.Error("tenant-backup", $"'{file}' is not a tenant backup archive: {e.Message}", new SourceLocation(file, 1, 1)));
        }
    }
}

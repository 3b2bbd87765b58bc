using Toolkit.Bench;

// Usage: dotnet run -c Release --project bench -- <name> [args]; with no name, lists the benchmarks.
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.Error.WriteLine(args.Length > 0 ? $"error: no benchmark named '{args[0]}'." : "usage: toolkit-bench <name> [args]");
    foreach (var b in benchmarks) Console.Error.WriteLine($"  {b.Name,-20} {b.Description}");
    return args.Length > 0 ? 2 : 0;
}
return await chosen.RunAsync(args[1..]);

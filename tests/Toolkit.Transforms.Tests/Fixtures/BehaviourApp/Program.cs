using BehaviourApp;

// behaviour-app chat|stream|tools|loop QUESTION, or behaviour-app s3 KEY TEXT: one mode per run, output on stdout.
var question = args.Length > 1 ? args[1] : "What is the capital of France?";
switch (args.FirstOrDefault())
{
    case "chat":
        Console.WriteLine(await new Assistant().AnswerAsync(question));
        break;
    case "stream":
        await new Assistant().StreamAsync(question, Console.Out);
        Console.WriteLine();
        break;
    case "tools":
        Console.WriteLine(await new Assistant().WeatherAsync(question));
        break;
    case "loop":
        Console.WriteLine(await new ToolLoop().RunAsync(question));
        break;
    case "s3":
        Console.WriteLine(await new Documents().RoundTripAsync(args[1], args[2]));
        break;
    default:
        Console.Error.WriteLine("usage: behaviour-app chat|stream|tools|loop QUESTION | s3 KEY TEXT");
        return 2;
}
return 0;

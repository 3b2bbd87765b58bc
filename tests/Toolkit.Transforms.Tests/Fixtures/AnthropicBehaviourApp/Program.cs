using AnthropicBehaviourApp;

var assistant = new Assistant();
switch (args[0])
{
    case "chat":
        Console.WriteLine(await assistant.AnswerAsync(args[1]));
        break;
    case "stream":
        await assistant.StreamAsync(args[1], Console.Out);
        Console.WriteLine();
        break;
    default:
        Console.Error.WriteLine($"unknown mode {args[0]}");
        return 2;
}
return 0;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using SocialEconomy.IntegrationTests.Infrastructure;

namespace SocialEconomy.IntegrationTests.Logging;

/// <summary>
/// The portal with one more Serilog sink, registered as a service: the app's logger reads
/// its sinks from the services too, so this sees exactly the events the real sinks get.
/// </summary>
public sealed class LogCapturingFactory : PortalFactory
{
    public CapturedEvents Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Events));
    }
}

public sealed class CapturedEvents : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>
    /// The request line is written after the response has gone to the client, so a test waits
    /// a little for it rather than reading the queue at once.
    /// </summary>
    public async Task<LogEvent> RequestLineAsync(string path)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var line = RequestLines(path).FirstOrDefault();
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"No request line for {path} was logged; logged: "
            + string.Join(" | ", _events.Select(e => $"{e.Level} {e.MessageTemplate.Text} {string.Join(",", e.Properties.Select(p => $"{p.Key}={p.Value}"))}").Take(40)));
    }

    public IEnumerable<LogEvent> RequestLines(string path) =>
        _events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties.TryGetValue("RequestPath", out var value)
            && value is ScalarValue { Value: string logged }
            && logged == path);
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocialEconomy.Domain.Results;

namespace SocialEconomy.Web.Data;

/// <summary>
/// A test switch, never set in production: with <c>Testing:ExitBeforeSavingEvidence</c> true
/// (and an environment other than Production) the process kills itself, as a power cut
/// would, the moment a save that carries a new evidence file begins. On the year page's form
/// that is after the draft's SaveChanges and before the file's and the submission's, so the
/// crash test (IntegrationTests/Results/OneTransactionSaveTests) can show that the save is
/// one transaction: nothing of it is left in the database (docs/results.md).
/// </summary>
public sealed class ExitBeforeSavingEvidence : SaveChangesInterceptor
{
    public const string Setting = "Testing:ExitBeforeSavingEvidence";

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool>(Setting) && !environment.IsProduction();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ExitIfSavingEvidence(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ExitIfSavingEvidence(eventData);
        return ValueTask.FromResult(result);
    }

    private static void ExitIfSavingEvidence(DbContextEventData eventData)
    {
        if (eventData.Context?.ChangeTracker.Entries<ResultAttachment>().Any(e => e.State == EntityState.Added) == true)
        {
            Console.Error.WriteLine($"{Setting}: killing the process before the evidence file is saved.");
            Console.Error.Flush();

            // SIGKILL: no finally block, no dispose, no rollback by the app; only the database's own journal.
            Process.GetCurrentProcess().Kill();
        }
    }
}

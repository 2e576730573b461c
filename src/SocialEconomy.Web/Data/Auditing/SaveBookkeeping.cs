using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace SocialEconomy.Web.Data.Auditing;

/// <summary>
/// The work every save of <see cref="AppDbContext"/> does besides saving, in one place for
/// the synchronous and the asynchronous save: the audit rows of its changes, written in the
/// same transaction so that a change and its audit lines are committed or rolled back
/// together, the change stamps that retire the shared plan copies, and the creation time of
/// new accounts. The data is saved first so that the rows can name the keys the database
/// generated; then the rows are saved and the transaction this opened (if the caller had
/// none) is committed.
/// </summary>
/// <remarks>
/// Saves are expected to accept their changes on success (the default): the audit save that
/// follows would otherwise save the same changes again.
/// </remarks>
internal sealed class SaveBookkeeping(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Start(eventData.Context) is { } context)
        {
            context.Saving!.OwnTransaction = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
            ChangeStampWriter.Replace(context, context.Saving.Stamps);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);

        // The notices of the save's own steps join it (not the audit save that follows). All
        // of the portal's saves are asynchronous; the synchronous path makes none.
        if (eventData.Context is AppDbContext { Saving: null } saving)
        {
            await Features.Notifications.NoticesFromChanges.AddAsync(saving, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        if (Start(eventData.Context) is { } context)
        {
            context.Saving!.OwnTransaction = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
            await ChangeStampWriter.ReplaceAsync(context, context.Saving.Stamps, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (AuditToWrite(eventData.Context) is not { } context)
        {
            return result;
        }

        var saving = context.Saving!;
        try
        {
            context.SaveChanges();
            saving.OwnTransaction?.Commit();
        }
        finally
        {
            End(context);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (AuditToWrite(eventData.Context) is not { } context)
        {
            return result;
        }

        var saving = context.Saving!;
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            if (saving.OwnTransaction is not null)
            {
                await saving.OwnTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await EndAsync(context);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData?.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData?.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData?.Context);

    /// <summary>Captures the audit rows and the change stamps to replace; the context when there is anything to audit or stamp.</summary>
    private AppDbContext? Start(DbContext? db)
    {
        // The audit save inside SavedChanges comes through here again: nothing to add then.
        if (db is not AppDbContext context || context.Saving is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var account in context.ChangeTracker.Entries<Identity.AppUser>().Where(e => e.State == EntityState.Added && e.Entity.CreatedAtUtc == default))
        {
            account.Entity.CreatedAtUtc = now;
        }

        var pending = AuditRecorder.Capture(context, context.Actor, now);
        var stamps = context.ChangedStamps();
        if (pending.Count == 0 && stamps.Count == 0)
        {
            return null;
        }

        context.Saving = new SaveInProgress(pending, stamps);
        return context;
    }

    /// <summary>After the data is saved: the context with its audit rows added, unless this is the audit save itself.</summary>
    private static AppDbContext? AuditToWrite(DbContext? db)
    {
        if (db is not AppDbContext { Saving: { WritingAudit: false } saving } context)
        {
            return null;
        }

        saving.WritingAudit = true;
        context.AuditEntries.AddRange(AuditRecorder.Complete(saving.Pending));
        return context;
    }

    /// <summary>The data save failed: the transaction this opened is rolled back. A failed audit save ends in SavedChanges.</summary>
    private static void Abandon(DbContext? db)
    {
        if (db is AppDbContext { Saving.WritingAudit: false } context)
        {
            End(context);
        }
    }

    private static Task AbandonAsync(DbContext? db) =>
        db is AppDbContext { Saving.WritingAudit: false } context ? EndAsync(context) : Task.CompletedTask;

    private static void End(AppDbContext context)
    {
        context.Saving?.OwnTransaction?.Dispose();
        context.Saving = null;
    }

    private static async Task EndAsync(AppDbContext context)
    {
        if (context.Saving?.OwnTransaction is { } transaction)
        {
            await transaction.DisposeAsync();
        }

        context.Saving = null;
    }
}

/// <summary>A save of <see cref="AppDbContext"/> between its data and its audit rows.</summary>
internal sealed class SaveInProgress(IReadOnlyList<AuditRecorder.PendingAudit> pending, IReadOnlyList<string> stamps)
{
    internal IReadOnlyList<AuditRecorder.PendingAudit> Pending { get; } = pending;

    /// <summary>The change stamps this save replaces, upserted in its transaction before the data.</summary>
    internal IReadOnlyList<string> Stamps { get; } = stamps;

    internal IDbContextTransaction? OwnTransaction { get; set; }

    internal bool WritingAudit { get; set; }
}

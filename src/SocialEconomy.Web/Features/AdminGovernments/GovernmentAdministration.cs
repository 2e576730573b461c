using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.AdminGovernments;

/// <summary>
/// The 시스템관리자's work on governments: list, create, edit, deactivate, reactivate.
/// Governments are never deleted: their plans, results and audit rows keep naming them.
/// LocalGovernments and accounts are not behind the query filters; plans are, and the
/// counts here read every government's plans because this page is the platform's, not one
/// government's (Policies.ManageGovernments).
/// </summary>
public sealed class GovernmentAdministration(AppDbContext db, FrameworkSeeder frameworks, ILogger<GovernmentAdministration> log)
{
    public const string Conflict = "다른 관리자가 먼저 이 기관을 수정했습니다. 현재 저장된 값을 확인한 뒤 다시 저장하세요.";

    public async Task<IReadOnlyList<GovernmentListItem>> ListAsync(CancellationToken cancellationToken)
    {
        var governments = await db.LocalGovernments.AsNoTracking()
            .Select(g => new { g.Id, g.Name, g.ShortName, g.Level, Parent = g.Parent == null ? null : g.Parent.Name, g.Code, g.IsActive })
            .ToListAsync(cancellationToken);
        var users = await ActiveUserCountsAsync(null, cancellationToken);
        var plans = await PlanCountsAsync(null, cancellationToken);

        // Each 시·도 is followed by the 시·군·구 under it; a handful of rows, sorted here.
        return governments
            .OrderBy(g => g.Level == GovernmentLevel.Province ? g.Name : g.Parent ?? g.Name, StringComparer.Ordinal)
            .ThenBy(g => g.Level == GovernmentLevel.Province ? 0 : 1)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => new GovernmentListItem(g.Id, g.Name, g.ShortName, g.Level, g.Parent, g.Code, g.IsActive, users.GetValueOrDefault(g.Id), plans.GetValueOrDefault(g.Id)))
            .ToList();
    }

    /// <summary>The 시·도 a 시·군·구 may be placed under: active ones, and the current one even if it is not.</summary>
    public async Task<IReadOnlyList<GovernmentOption>> ParentOptionsAsync(int? currentParentId, CancellationToken cancellationToken) =>
        await db.LocalGovernments.AsNoTracking()
            .Where(g => g.Level == GovernmentLevel.Province && (g.IsActive || g.Id == currentParentId))
            .OrderBy(g => g.Name)
            .Select(g => new GovernmentOption(g.Id, g.Name))
            .ToListAsync(cancellationToken);

    public async Task<GovernmentFacts?> FactsAsync(int id, CancellationToken cancellationToken)
    {
        var g = await db.LocalGovernments.AsNoTracking()
            .Where(g => g.Id == id)
            .Select(g => new { g.Id, g.Name, g.ShortName, g.Level, Parent = g.Parent == null ? null : g.Parent.Name, g.Code, g.IsActive, g.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (g is null)
        {
            return null;
        }

        var users = await ActiveUserCountsAsync(id, cancellationToken);
        var plans = await PlanCountsAsync(id, cancellationToken);
        return new GovernmentFacts(g.Id, g.Name, g.ShortName, g.Level, g.Parent, g.Code, g.IsActive, users.GetValueOrDefault(id), plans.GetValueOrDefault(id), g.Version);
    }

    /// <summary>The edit page as stored now.</summary>
    public async Task<GovernmentEditViewModel?> EditFormAsync(int id, CancellationToken cancellationToken)
    {
        var government = await db.LocalGovernments.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (government is null || await FactsAsync(id, cancellationToken) is not { } facts)
        {
            return null;
        }

        return new GovernmentEditViewModel
        {
            Government = facts,
            Input = new GovernmentEditModel
            {
                Name = government.Name,
                ShortName = government.ShortName,
                Code = government.Code,
                ParentId = government.ParentId,
                Version = government.Version,
            },
            Parents = await ParentOptionsAsync(government.ParentId, cancellationToken),
        };
    }

    /// <summary>
    /// A new government, with its own default evaluation tables (FrameworkSeeder), in one
    /// transaction: a government without them could not start its first evaluation.
    /// </summary>
    public async Task<AdminCommandResult> CreateAsync(NewGovernmentEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = await DuplicatesAsync(null, input, cancellationToken);
        var (parentKnown, parent) = await ParentAsync(input.ParentId, null, cancellationToken);
        if (!parentKnown)
        {
            errors.Add(new FieldMessage(nameof(input.ParentId), GovernmentDetailsEditModel.ParentUnknown));
        }

        if (errors.Count > 0)
        {
            return AdminCommandResult.Failed(errors);
        }

        LocalGovernment government;
        try
        {
            government = new LocalGovernment(input.Level ?? GovernmentLevel.Local, input.Name, input.ShortName, input.Code);
        }
        catch (DomainException e)
        {
            return AdminCommandResult.Failed(string.Empty, e.Message);
        }

        if (PlaceUnder(government, parent) is { } refused)
        {
            return refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.LocalGovernments.Add(government);
        if (await SaveAsync(government.Id, input, cancellationToken) is { } failed)
        {
            return failed;
        }

        await frameworks.SeedAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("Created government {GovernmentId}", government.Id);
        return AdminCommandResult.Ok(government.Id);
    }

    public async Task<AdminCommandResult> UpdateAsync(int id, GovernmentEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var government = await db.LocalGovernments.Include(g => g.Parent).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (government is null)
        {
            return AdminCommandResult.NotFound;
        }

        if (input.Version != government.Version)
        {
            return AdminCommandResult.Conflicted(Conflict);
        }

        var errors = await DuplicatesAsync(id, input, cancellationToken);
        var (parentKnown, parent) = await ParentAsync(input.ParentId, government.ParentId, cancellationToken);
        if (!parentKnown)
        {
            errors.Add(new FieldMessage(nameof(input.ParentId), GovernmentDetailsEditModel.ParentUnknown));
        }

        if (errors.Count > 0)
        {
            return AdminCommandResult.Failed(errors);
        }

        try
        {
            government.Rename(input.Name, input.ShortName, input.Code);
        }
        catch (DomainException e)
        {
            return AdminCommandResult.Failed(string.Empty, e.Message);
        }

        if (PlaceUnder(government, parent) is { } refused)
        {
            return refused;
        }

        // The version read with the form: a save between this read and this write is refused too.
        db.Entry(government).Property(g => g.Version).OriginalValue = input.Version;
        if (await SaveAsync(id, input, cancellationToken) is { } failed)
        {
            return failed;
        }

        log.LogInformation("Updated government {GovernmentId}", id);
        return AdminCommandResult.Ok(id);
    }

    /// <summary>
    /// Deactivation is refused while anything still works in the government: active
    /// accounts, a current plan, active 시·군·구 under a 시·도. Once nothing does, the
    /// government keeps its history and nobody can be given new work there
    /// (docs/organisations.md, Administration).
    /// </summary>
    public async Task<AdminCommandResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        var government = await db.LocalGovernments.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (government is null)
        {
            return AdminCommandResult.NotFound;
        }

        if (government.IsActive == active)
        {
            return AdminCommandResult.Ok(id);
        }

        if (!active && await StillUsedAsync(government, cancellationToken) is { } inUse)
        {
            return AdminCommandResult.Failed(string.Empty, inUse);
        }

        government.SetActive(active);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AdminCommandResult.Conflicted(Conflict);
        }

        log.LogInformation("Government {GovernmentId} is now {State}", id, active ? "active" : "inactive");
        return AdminCommandResult.Ok(id);
    }

    private async Task<string?> StillUsedAsync(LocalGovernment government, CancellationToken cancellationToken)
    {
        var users = await db.Users.CountAsync(u => u.LocalGovernmentId == government.Id && u.IsActive, cancellationToken);

        // Every government's plans: the 시스템관리자 decides for a government other than their own.
        var plan = await db.Plans.IgnoreQueryFilters()
            .Where(p => p.LocalGovernmentId == government.Id && p.IsCurrent)
            .Select(p => p.Title)
            .FirstOrDefaultAsync(cancellationToken);
        var children = await db.LocalGovernments
            .Where(g => g.ParentId == government.Id && g.IsActive)
            .OrderBy(g => g.Name)
            .Select(g => g.ShortName)
            .ToListAsync(cancellationToken);
        var uses = new List<string>();
        if (users > 0)
        {
            uses.Add($"활성 계정 {users.ToString("N0", Formats.Korean)}개");
        }

        if (plan is not null)
        {
            uses.Add($"현재 기본계획 「{plan}」");
        }

        if (children.Count > 0)
        {
            uses.Add($"하위 기관 {string.Join(", ", children)}");
        }

        return uses.Count == 0
            ? null
            : $"{government.Name}은(는) 아직 쓰이고 있어 비활성화할 수 없습니다: {string.Join(", ", uses)}. 계정은 비활성화하거나 다른 기관으로 옮기고, 기본계획은 종료하고, 하위 기관은 먼저 비활성화하세요.";
    }

    /// <summary>Official names and codes are unique; short names are not (서울 중구 and 부산 중구 are both 중구).</summary>
    private async Task<List<FieldMessage>> DuplicatesAsync(int? id, GovernmentDetailsEditModel input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldMessage>();
        var name = input.Name.Trim();
        if (await db.LocalGovernments.AnyAsync(g => g.Name == name && g.Id != id, cancellationToken))
        {
            errors.Add(new FieldMessage(nameof(input.Name), $"같은 이름의 기관 「{name}」이(가) 이미 있습니다. 다른 이름을 입력하세요."));
        }

        var code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim();
        if (code is not null && await db.LocalGovernments.Where(g => g.Code == code && g.Id != id).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken) is { } holder)
        {
            errors.Add(new FieldMessage(nameof(input.Code), $"행정기관코드 {code}은(는) 이미 {holder}의 코드입니다."));
        }

        return errors;
    }

    /// <summary>The chosen 시·도 (tracked), or none; unknown when it is not one the list offers.</summary>
    private async Task<(bool Known, LocalGovernment? Parent)> ParentAsync(int? parentId, int? currentParentId, CancellationToken cancellationToken)
    {
        if (parentId is null)
        {
            return (true, null);
        }

        var parent = await db.LocalGovernments.SingleOrDefaultAsync(
            g => g.Id == parentId && g.Level == GovernmentLevel.Province && (g.IsActive || g.Id == currentParentId),
            cancellationToken);
        return (parent is not null, parent);
    }

    private static AdminCommandResult? PlaceUnder(LocalGovernment government, LocalGovernment? parent)
    {
        try
        {
            government.PlaceUnder(parent);
            return null;
        }
        catch (DomainException e)
        {
            return AdminCommandResult.Failed(nameof(GovernmentDetailsEditModel.ParentId), e.Message);
        }
    }

    /// <summary>Saves; another save first or a name or code taken meanwhile (the unique indexes) is reported, not thrown.</summary>
    private async Task<AdminCommandResult?> SaveAsync(int id, GovernmentDetailsEditModel input, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AdminCommandResult.Conflicted(Conflict);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var errors = await DuplicatesAsync(id == 0 ? null : id, input, cancellationToken);
            if (errors.Count == 0)
            {
                throw;
            }

            return AdminCommandResult.Failed(errors);
        }
    }

    private async Task<Dictionary<int, int>> ActiveUserCountsAsync(int? id, CancellationToken cancellationToken) =>
        await db.Users
            .Where(u => u.IsActive && (id == null || u.LocalGovernmentId == id))
            .GroupBy(u => u.LocalGovernmentId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    // Every government's plans: this page is the platform's (Policies.ManageGovernments).
    private async Task<Dictionary<int, int>> PlanCountsAsync(int? id, CancellationToken cancellationToken) =>
        await db.Plans.IgnoreQueryFilters()
            .Where(p => id == null || p.LocalGovernmentId == id)
            .GroupBy(p => p.LocalGovernmentId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}

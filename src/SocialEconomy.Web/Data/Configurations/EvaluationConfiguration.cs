using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data.Identity;

namespace SocialEconomy.Web.Data.Configurations;

public sealed class EvaluationFrameworkConfiguration : IEntityTypeConfiguration<EvaluationFramework>
{
    public void Configure(EntityTypeBuilder<EvaluationFramework> builder)
    {
        builder.ToTable("EvaluationFrameworks");
        builder.HasOne<Domain.Organization.LocalGovernment>().WithMany().HasForeignKey(f => f.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Title).HasMaxLength(EvaluationFramework.TitleMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasMany(f => f.Items).WithOne(i => i.Framework).HasForeignKey(i => i.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Items).HasField("_items");
        builder.HasMany(f => f.Bands).WithOne(b => b.Framework).HasForeignKey(b => b.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Bands).HasField("_bands");
        builder.Ignore(f => f.BasePoints);
        builder.Ignore(f => f.BonusPoints);
        builder.Ignore(f => f.AchievementItem);
    }
}

public sealed class EvaluationItemConfiguration : IEntityTypeConfiguration<EvaluationItem>
{
    public void Configure(EntityTypeBuilder<EvaluationItem> builder)
    {
        builder.ToTable("EvaluationItems");
        builder.Property(i => i.Area).HasMaxLength(EvaluationItem.LabelMaxLength);
        builder.Property(i => i.Name).HasMaxLength(EvaluationItem.LabelMaxLength);
        builder.Property(i => i.Indicator).HasMaxLength(EvaluationItem.LabelMaxLength);
        builder.Property(i => i.Criteria).HasMaxLength(EvaluationItem.CriteriaMaxLength);
        builder.Property(i => i.Topic).HasMaxLength(50);
        builder.Ignore(i => i.Label);
    }
}

public sealed class ScoringBandConfiguration : IEntityTypeConfiguration<ScoringBand>
{
    public void Configure(EntityTypeBuilder<ScoringBand> builder) => builder.ToTable("ScoringBands");
}

public sealed class EvaluationCycleConfiguration : IEntityTypeConfiguration<EvaluationCycle>
{
    public void Configure(EntityTypeBuilder<EvaluationCycle> builder)
    {
        builder.ToTable("EvaluationCycles");
        builder.HasOne<BasicPlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PlanId, c.Year }).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.ReviewNote).HasMaxLength(EvaluationCycle.NoteMaxLength);

        // Each year owns its copies; the tables are never shared between years.
        builder.HasOne(c => c.SelfFramework).WithMany().HasForeignKey(c => c.SelfFrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.ExternalFramework).WithMany().HasForeignKey(c => c.ExternalFrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Seats).WithOne(s => s.Cycle).HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Seats).HasField("_seats");
        builder.Ignore(c => c.Calendar);
        builder.Ignore(c => c.IsCommitteeClosed);
    }
}

public sealed class CommitteeSeatConfiguration : IEntityTypeConfiguration<CommitteeSeat>
{
    public void Configure(EntityTypeBuilder<CommitteeSeat> builder)
    {
        builder.ToTable("CommitteeSeats");
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(s => s.DeclarationNote).HasMaxLength(CommitteeSeat.DeclarationMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CycleId, s.UserId }).IsUnique();
        builder.HasMany(s => s.Scores).WithOne(m => m.Seat).HasForeignKey(m => m.SeatId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Scores).HasField("_scores");
        builder.Ignore(s => s.IsDeclared);
        builder.Ignore(s => s.IsSubmitted);
        builder.Ignore(s => s.Total);
    }
}

public sealed class MemberScoreConfiguration : IEntityTypeConfiguration<MemberScore>
{
    public void Configure(EntityTypeBuilder<MemberScore> builder)
    {
        builder.ToTable("MemberScores");
        builder.Property(s => s.Comment).HasMaxLength(ScoreRules.CommentMaxLength);
        builder.HasOne(s => s.Item).WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SeatId, s.ItemId }).IsUnique();
    }
}

public sealed class SelfEvaluationConfiguration : IEntityTypeConfiguration<SelfEvaluation>
{
    public void Configure(EntityTypeBuilder<SelfEvaluation> builder)
    {
        builder.ToTable("SelfEvaluations");
        builder.Property(e => e.Report).HasMaxLength(SelfEvaluation.ReportMaxLength);
        builder.Property(e => e.ReportBy).HasMaxLength(256);
        builder.Property(e => e.ScoredBy).HasMaxLength(256);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Cycle).WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SubProject>().WithMany().HasForeignKey(e => e.SubProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CycleId, e.SubProjectId }).IsUnique();
        builder.HasMany(e => e.Scores).WithOne(s => s.Evaluation).HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Scores).HasField("_scores");
        builder.Ignore(e => e.Total);
    }
}

public sealed class SelfScoreConfiguration : IEntityTypeConfiguration<SelfScore>
{
    public void Configure(EntityTypeBuilder<SelfScore> builder)
    {
        builder.ToTable("SelfScores");
        builder.Property(s => s.Comment).HasMaxLength(ScoreRules.CommentMaxLength);
        builder.Property(s => s.OverrideReason).HasMaxLength(ScoreRules.CommentMaxLength);
        builder.HasOne(s => s.Item).WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.EvaluationId, s.ItemId }).IsUnique();
    }
}

public sealed class GapReasonConfiguration : IEntityTypeConfiguration<GapReason>
{
    public void Configure(EntityTypeBuilder<GapReason> builder)
    {
        builder.ToTable("GapReasons");
        builder.Property(g => g.Topic).HasMaxLength(50);
        builder.Property(g => g.Reason).HasMaxLength(ScoreRules.CommentMaxLength);
        builder.Property(g => g.WrittenBy).HasMaxLength(256);
        builder.HasOne<EvaluationCycle>().WithMany().HasForeignKey(g => g.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.CycleId, g.Topic }).IsUnique();
    }
}

public sealed class ComprehensiveEvaluationConfiguration : IEntityTypeConfiguration<ComprehensiveEvaluation>
{
    public void Configure(EntityTypeBuilder<ComprehensiveEvaluation> builder)
    {
        builder.ToTable("ComprehensiveEvaluations");
        builder.Property(e => e.Directions).HasMaxLength(ComprehensiveEvaluation.TextMaxLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<BasicPlan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.PlanId).IsUnique();
        builder.HasMany(e => e.Panel).WithOne(p => p.Evaluation).HasForeignKey(p => p.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Panel).HasField("_panel");
        builder.HasMany(e => e.Verdicts).WithOne(v => v.Evaluation).HasForeignKey(v => v.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Verdicts).HasField("_verdicts");
        builder.Ignore(e => e.IsFinal);
    }
}

public sealed class PanelSeatConfiguration : IEntityTypeConfiguration<PanelSeat>
{
    public void Configure(EntityTypeBuilder<PanelSeat> builder)
    {
        builder.ToTable("PanelSeats");
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.EvaluationId, s.UserId }).IsUnique();
    }
}

public sealed class SubProjectVerdictConfiguration : IEntityTypeConfiguration<SubProjectVerdict>
{
    public void Configure(EntityTypeBuilder<SubProjectVerdict> builder)
    {
        builder.ToTable("SubProjectVerdicts");
        builder.Property(v => v.Assessment).HasMaxLength(ComprehensiveEvaluation.TextMaxLength);
        builder.Property(v => v.Reason).HasMaxLength(ComprehensiveEvaluation.TextMaxLength);
        builder.Property(v => v.WrittenBy).HasMaxLength(256);
        builder.HasOne<SubProject>().WithMany().HasForeignKey(v => v.SubProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.EvaluationId, v.SubProjectId }).IsUnique();
    }
}

public sealed class FollowUpActionConfiguration : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> builder)
    {
        builder.ToTable("FollowUpActions");
        builder.Property(a => a.Finding).HasMaxLength(FollowUpAction.TextMaxLength);
        builder.Property(a => a.Outcome).HasMaxLength(FollowUpAction.TextMaxLength);
        builder.Property(a => a.OutcomeBy).HasMaxLength(256);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<BasicPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubProject>().WithMany().HasForeignKey(a => a.SubProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PlanId, a.Year });
        builder.HasIndex(a => new { a.DepartmentId, a.IsDone });
    }
}
